// api/request_shape.h — what a request must look like before anyone reads it: the body of a
// change is JSON (declared so, or undeclared as from curl and tools), parsed exactly once into
// Request::json, and a browser's change comes from caunoi's own origin.
//
// Why: the guard and the handler must read one parsed value (a guard that sniffed the first byte
// for '{' once let " {…}" through unchecked), and a cross-site HTML form can only send
// text/plain, urlencoded or multipart bodies — refusing those on JSON routes, and refusing a
// foreign Origin, closes login CSRF and every other forged change.
#pragma once

#include "api/router.h"

namespace caunoi::api {

// The invalid_json error every JSON route answers for a body that is not one JSON object.
Error bad_json();

// For an unsafe method (POST, PUT, DELETE, PATCH): refuses a foreign Origin (403 "cross_origin").
// A route that takes a file gets it read once here too: a multipart body becomes the raw file
// (its name in ?filename=), so the guard can record the file and the handler take it over
// without a copy. Any other route: refuses a Content-Type other than JSON (415
// "unsupported_media_type") and a body that is not a JSON object (400 "invalid_json"), and parses
// the body into r.json. Safe methods keep their bodies unread.
void read_body(Request& r, const Access& access);

bool unsafe_method(const std::string& method);

}  // namespace caunoi::api
