// tabular/xml_text.h — any text made safe to write inside an XML element or attribute value.
//
// Escapes & < > " and ', repairs ill-formed UTF-8 (common/utf8.h) and drops what XML 1.0 cannot
// hold at all, even escaped: control characters other than tab, line feed and carriage return,
// and U+FFFE/U+FFFF. A report narrative or a unit name can then never make a part unreadable.
#pragma once

#include <string>
#include <string_view>

namespace caunoi::tabular {

std::string xml_text(std::string_view s);

}  // namespace caunoi::tabular
