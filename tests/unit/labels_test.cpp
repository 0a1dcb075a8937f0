// Words for domain values (core/vocabulary.h, src/portal/labels.h): each state and kind has its
// own words for each audience in both languages, and the keys the portal builds at run time
// ("staff.role." + a role) exist in both string tables; scripts/i18n.py checks only the literal ones.
#include "i18n.h"

#include "api/staff_wire.h"
#include "api/vendor_wire.h"
#include "core/staff_roles.h"
#include "core/vocabulary.h"
#include "core/work_log.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace aftercare;

namespace {

constexpr core::Audience kAudiences[] = {core::Audience::Customer, core::Audience::Staff};

// True when every value's words are present and no two values share words (a value missing from
// a table would borrow another's).
template <class E> bool EachHasItsOwnWords(E last, core::Audience audience) {
    std::set<std::string> zh, en;
    for (int value = 0; value <= static_cast<int>(last); ++value) {
        const core::LocalizedText& label = core::Label(static_cast<E>(value), audience);
        if (label.zh.empty() || label.en.empty()) return false;
        zh.insert(label.zh);
        en.insert(label.en);
    }
    const auto count = static_cast<size_t>(last) + 1;
    return zh.size() == count && en.size() == count;
}

} // namespace

TEST_CASE("labels: every state and kind has its own words for customers and for staff", "[labels]") {
    for (const core::Audience audience : kAudiences) {
        CHECK(EachHasItsOwnWords(core::TicketState::Rejected, audience));
        CHECK(EachHasItsOwnWords(core::TicketKind::Consultation, audience));
    }
    // The customer reads about their own ticket; staff read about the customer's.
    CHECK(core::Label(core::TicketState::WaitingCustomer, core::Audience::Customer).zh == "待您回复");
    CHECK(core::Label(core::TicketState::WaitingCustomer, core::Audience::Staff).zh == "待客户回复");
    CHECK(core::Label(core::TicketState::Resolved, core::Audience::Customer).en == "Resolved – please confirm");
    CHECK(core::Label(core::TicketState::Resolved, core::Audience::Staff).en == "Resolved");
}

TEST_CASE("labels: keys built at run time exist in both string tables", "[labels][i18n]") {
    const portal::StringTable strings = portal::StringTable::LoadEmbedded();
    std::vector<std::string> keys;
    for (const std::string_view role : core::KnownStaffRoles()) keys.push_back("staff.role." + std::string(role));
    for (const std::string_view reason : api::kRevealReasons) keys.push_back("staff.reveal.reason." + std::string(reason));
    for (const char* scope : api::kApiKeyScopes) keys.push_back("staff.data.scope." + std::string(scope));
    for (int kind = 0; kind <= static_cast<int>(core::WorkKind::SignOffLater); ++kind)
        keys.push_back("staff.work." + std::string(core::ToString(static_cast<core::WorkKind>(kind))));
    // The engineer's phone names a job's stage by core::VisitStage's wire name.
    for (core::VisitStage stage : {core::VisitStage::NotDeparted, core::VisitStage::OnTheWay, core::VisitStage::OnSite,
                                   core::VisitStage::Finished})
        keys.push_back("staff.jobs.stage." + std::string(core::ToString(stage)));
    for (const std::string& key : keys) {
        for (const portal::Language language : {portal::Language::ZhCN, portal::Language::En}) {
            INFO(key);
            CHECK(strings.Get(language, key) != key); // Get answers the key itself when it is missing
        }
    }
}
