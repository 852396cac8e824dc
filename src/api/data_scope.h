// api/data_scope.h — which aggregates a query reads: all reported data (the live engine) or
// approved data only (analytics/snapshot.h), chosen by the `data=all|approved` parameter of the
// analytics and report routes, and said back in the answer so a reader knows which it got.
#pragma once

#include <memory>

#include "analytics/engine.h"
#include "api/context.h"
#include "api/router.h"

namespace caunoi::api {

struct EngineView {
  std::shared_ptr<const analytics::Engine> hold;  // keeps a snapshot alive during the request
  const analytics::Engine* engine = nullptr;
  bool approved_only = false;
  const char* name() const { return approved_only ? "approved" : "all"; }
};

// Throws invalid_input "bad_data" for a value other than all/approved.
EngineView engine_view(const Request& q, const Context& ctx);

}  // namespace caunoi::api
