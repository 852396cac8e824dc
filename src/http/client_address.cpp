// http/client_address.cpp — see client_address.h.
#include "http/client_address.h"

#include <algorithm>

#include "common/trim.h"

namespace caunoi::http {

bool is_trusted_proxy(std::string_view peer, const std::vector<std::string>& trusted_proxies) {
  return std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) != trusted_proxies.end();
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (!is_trusted_proxy(peer, trusted_proxies)) return peer;
  // From the right: each hop appended the address it saw.
  while (!forwarded_for.empty()) {
    size_t comma = forwarded_for.rfind(',');
    std::string_view hop =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for =
        comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
    if (hop.empty()) continue;
    // Not an address (a client's "unknown", garbage): stop at the last one a proxy vouched for.
    if (hop.size() > 45 || hop.find_first_not_of("0123456789abcdefABCDEF.:") != hop.npos) break;
    if (!is_trusted_proxy(hop, trusted_proxies)) return std::string(hop);
  }
  return peer;
}

}  // namespace caunoi::http
