// app/engines.h — the analytics engine built from a database, over all reported data or over
// approved months only. Both the server (runtime.cpp, for data=approved) and `caunoi report`
// build it; approval/ decides what is approved, analytics/ stays unaware of approvals.
#pragma once

#include <memory>

#include "analytics/engine.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::app {

std::shared_ptr<analytics::Engine> load_engine(store::Connection& c, const places::Gazetteer& g,
                                               bool approved_only);

}  // namespace caunoi::app
