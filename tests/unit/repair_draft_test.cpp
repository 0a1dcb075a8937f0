// The repair wizard's draft on the device: saved as the customer types, read back after a reload,
// and never able to break the wizard when it is damaged or from an older version.
#include "screens/repair_draft.h"

#include <catch2/catch.hpp>

using namespace aftercare;
using namespace aftercare::portal;

TEST_CASE("repair draft: everything typed and chosen survives a reload", "[drafts]") {
    RepairDraft draft;
    draft.serial = "KF200-2401-0123";
    draft.purchase_date = "2026-03-01";
    draft.model = "KF-200";
    draft.faulty_part = "mainboard";
    draft.fault_category = "no_power";
    draft.description = "开机没反应，指示灯不亮。\n第二行 \"引号\" 和 𠮷";
    draft.mode = core::ServiceMode::OnSite;
    draft.address = "上海市浦东新区 1 号";
    draft.visit_date = "2026-12-05";
    draft.visit_slot = core::VisitSlot::Afternoon;
    draft.priority = core::Priority::Serious;
    draft.name = "𠮷野";
    draft.phone = "13800138000";
    draft.email = "a@example.com";
    draft.attempt_key = "0011";
    draft.attempt_body = R"({"subject":"x"})";
    CHECK(LoadDraft(SaveDraft(draft)) == draft);
}

TEST_CASE("repair draft: a damaged or foreign draft gives an empty one, never a crash", "[drafts]") {
    CHECK(LoadDraft("") == RepairDraft{});
    CHECK(LoadDraft("{not json") == RepairDraft{});
    CHECK(LoadDraft("[1,2,3]") == RepairDraft{});
    CHECK(LoadDraft("null") == RepairDraft{});
}

TEST_CASE("repair draft: an older draft without the newer fields keeps what it has", "[drafts]") {
    const RepairDraft draft = LoadDraft(R"({"serial":"KF100-2006-0456","phone":"13800138000"})");
    CHECK(draft.serial == "KF100-2006-0456");
    CHECK(draft.phone == "13800138000");
    CHECK_FALSE(draft.mode.has_value());
    CHECK(draft.priority == core::Priority::General);
}
