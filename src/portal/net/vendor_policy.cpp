// Loading the vendor's policy; see vendor_policy.h.
#include "net/vendor_policy.h"

#include "app.h"
#include "net/customer_requests.h"

#include "api/policy_json.h"

namespace aftercare::portal {

void EnsureVendorPolicy(AppState& state, bool retry_failed) {
    const bool start = state.vendor_policy.IsIdle() || (retry_failed && state.vendor_policy.IsFailed());
    if (!start) return;
    state.vendor_policy.StartLoading();
    requests::LoadPolicy(
        state.api,
        [&state](api::PortalPolicy answer) {
            state.policy = std::move(answer.policy);
            state.channels = answer.channels;
            state.vendor_policy.Succeed({});
        },
        [&state](ApiError error) { state.vendor_policy.Fail(std::move(error)); });
}

} // namespace aftercare::portal
