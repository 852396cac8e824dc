// common/error.h — the one error type that crosses layers.
//
// Domain code throws caunoi::Error with a kind (what went wrong, in terms the API layer can map to
// an HTTP status), a stable machine code ("unit_not_found") and a message in Vietnamese for the
// user. Field errors name the field (or the row and column of an import) that was wrong. The
// HTTP layer never invents messages: it only translates kinds to statuses.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace caunoi {

enum class ErrorKind {
  invalid_input,      // 400
  unauthenticated,    // 401
  forbidden,          // 403
  not_found,          // 404
  conflict,           // 409
  locked,             // 423: an approved period refuses edits
  too_large,          // 413
  unsupported_media,  // 415: a body that is not the route's format (JSON)
  rate_limited,       // 429
  internal,           // 500
};

struct FieldError {
  std::string field;    // "date", "figures.attendees", or "row 7413 / Ngày"
  std::string message;  // Vietnamese
  long row = 0;         // 1-based data row for imports, 0 otherwise
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, std::string message, std::vector<FieldError> fields = {})
      : std::runtime_error(message),
        kind_(kind),
        code_(std::move(code)),
        message_(std::move(message)),
        fields_(std::move(fields)) {}

  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string message_;
  std::vector<FieldError> fields_;
};

inline Error invalid(std::string code, std::string message, std::vector<FieldError> f = {}) {
  return Error(ErrorKind::invalid_input, std::move(code), std::move(message), std::move(f));
}
inline Error not_found(std::string code, std::string message) {
  return Error(ErrorKind::not_found, std::move(code), std::move(message));
}

}  // namespace caunoi
