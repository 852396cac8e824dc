// tabular/zip_writer.h — a ZIP archive built in memory with libzip, for the Office Open XML
// packages the project writes itself (the .docx of a report). Entries are deflated and stored
// in the order they were added: OOXML readers expect [Content_Types].xml first by convention.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace caunoi::tabular {

class ZipWriter {
 public:
  void add(std::string name, std::string data);
  // The archive's bytes. Throws Error(internal, "zip_write_failed") if libzip fails.
  std::string finish() const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace caunoi::tabular
