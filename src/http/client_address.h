// http/client_address.h — which address a request comes from, for the rate limit, the logs and
// the audit trail.
//
// Normally the socket's peer. Behind a reverse proxy (nginx in front of caunoi, as a province
// data centre would run it) every peer is the proxy, so one busy office would exhaust everyone's
// rate limit and the audit trail would name the proxy. A proxy named as trusted appends the
// address it saw to X-Forwarded-For; the client is the rightmost address there that is not a
// trusted proxy itself. Addresses further left were written by the client and may be forged, so
// they are never taken; nor is the header at all when the peer is not a trusted proxy.
// No Beast here, so the rule is tested without sockets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caunoi::http {

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// Whether the peer is one of the trusted proxies: its connections carry many clients, so they are
// not counted against one address's connection cap (connection_limits.h).
bool is_trusted_proxy(std::string_view peer, const std::vector<std::string>& trusted_proxies);

}  // namespace caunoi::http
