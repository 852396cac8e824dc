// tabular/docx_package.h — the parts of a .docx around word/document.xml, and the zip that holds
// them all (used by docx_writer.cpp; callers use DocxWriter).
#pragma once

#include <string>

#include "tabular/docx_writer.h"

namespace caunoi::tabular {

inline constexpr const char* kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// The relationship id by which word/document.xml's section names the header holding the page
// number (DocxPage::numbered).
inline constexpr const char* kPageNumberHeaderRel = "rIdPageNumber";

// The package's bytes: `document` is the whole word/document.xml; the styles part gives every
// paragraph `font` at `size_pt`, Vietnamese for spelling, and no spacing unless a paragraph asks.
// `numbered`: the package holds word/header1.xml, a centred PAGE field, for the document's
// section to name as its default header.
std::string docx_package(const std::string& document, const std::string& font, double size_pt,
                         const DocxProperties& props, bool numbered);

}  // namespace caunoi::tabular
