// The end of an on-site visit: where the visit stands (core::StageOf), the customer's sign-off
// rules (signed on the phone, or later on the portal; once per resolution) and the signature PNG
// the phone sends (a valid PNG of the requested size, ink where the strokes are).
#include "test_support.h"

#include "core/state_machine.h"
#include "core/work_log.h"
#include "widgets/signature_image.h"

#include <cstdint>

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

const std::string kHash(64, 'a');

Ticket OnSite(UnixSeconds created) {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, created);
    ticket.details.repair = RepairDetails{ServiceMode::OnSite, std::nullopt, "no_power", ""};
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    return Apply(ticket, Action::Assign, Staff(), created + 120);
}

Result<Applied> Work(const Ticket& ticket, WorkKind kind, UnixSeconds now, std::string hash = {},
                     std::string attachment = {}) {
    WorkEntry entry;
    entry.kind = kind;
    entry.signature_sha256 = std::move(hash);
    entry.attachment_id = std::move(attachment);
    return RecordWork(ticket, Staff(), entry, now, Policy{});
}

Ticket Worked(const Ticket& ticket, WorkKind kind, UnixSeconds now, std::string hash = {}, std::string attachment = {}) {
    auto result = Work(ticket, kind, now, std::move(hash), std::move(attachment));
    INFO(ToString(kind) << ": " << (result ? std::string() : result.GetError().message.en));
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

std::uint32_t Be32(const std::string& bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

} // namespace

TEST_CASE("sign-off: the visit's stage follows departure, arrival and finishing", "[work][sign_off]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Ticket ticket = OnSite(t);
    CHECK(StageOf(ticket) == VisitStage::NotDeparted);
    ticket = Worked(ticket, WorkKind::Departure, t + 600);
    CHECK(StageOf(ticket) == VisitStage::OnTheWay);
    ticket = Worked(ticket, WorkKind::Arrival, t + 1800);
    CHECK(StageOf(ticket) == VisitStage::OnSite);
    ticket = Apply(ticket, Action::Resolve, Staff(), t + 3600);
    CHECK(StageOf(ticket) == VisitStage::Finished);
    CHECK(ToString(VisitStage::OnTheWay) == "on_the_way");
}

TEST_CASE("sign-off: a signature confirms the fix in the customer's name, once", "[work][sign_off]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    const Ticket arrived = Worked(Worked(OnSite(t), WorkKind::Departure, t + 600), WorkKind::Arrival, t + 1800);

    // Not before the job is finished.
    const auto early = Work(arrived, WorkKind::SignOff, t + 2000, kHash, "att1");
    REQUIRE_FALSE(early.Ok());
    CHECK(early.GetError().code == "illegal_transition");

    const Ticket resolved = Apply(arrived, Action::Resolve, Staff(), t + 3600);
    // No signature, or a hash that is not one: refused, field "signature".
    const auto unsigned_ = Work(resolved, WorkKind::SignOff, t + 3700);
    REQUIRE_FALSE(unsigned_.Ok());
    CHECK(unsigned_.GetError().field == "signature");
    CHECK_FALSE(Work(resolved, WorkKind::SignOff, t + 3700, "not-a-hash", "att1").Ok());

    const Ticket signed_ = Worked(resolved, WorkKind::SignOff, t + 3700, kHash, "att1");
    CHECK(signed_.state == TicketState::Confirmed);
    const auto& work_event = signed_.timeline[signed_.timeline.size() - 2];
    REQUIRE(work_event.work);
    CHECK(work_event.work->kind == WorkKind::SignOff);
    CHECK(work_event.work->signature_sha256 == kHash);
    CHECK(work_event.work->attachment_id == "att1");
    CHECK(signed_.timeline.back().action == Action::Confirm);
    CHECK(signed_.timeline.back().actor.role == ActorRole::Customer);
    REQUIRE(SignOffOf(signed_));
    CHECK(SignOffOf(signed_)->work->kind == WorkKind::SignOff);
}

TEST_CASE("sign-off: 'confirms later' leaves the ticket for the portal's confirm, and ends the sign-off",
          "[work][sign_off]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    const Ticket arrived = Worked(Worked(OnSite(t), WorkKind::Departure, t + 600), WorkKind::Arrival, t + 1800);
    const Ticket resolved = Apply(arrived, Action::Resolve, Staff(), t + 3600);
    CHECK_FALSE(SignOffOf(resolved));
    const Ticket later = Worked(resolved, WorkKind::SignOffLater, t + 3700);
    CHECK(later.state == TicketState::Resolved);
    REQUIRE(SignOffOf(later));
    CHECK(SignOffOf(later)->work->kind == WorkKind::SignOffLater);
    // Either one per resolution: a second sign-off is already done.
    const auto twice = Work(later, WorkKind::SignOff, t + 3800, kHash, "att1");
    REQUIRE_FALSE(twice.Ok());
    CHECK(twice.GetError().code == "already_done");
    // The customer confirms on the portal as before.
    CHECK(Apply(later, Action::Confirm, Customer(), t + 4000).state == TicketState::Confirmed);
}

TEST_CASE("sign-off: only for on-site repairs", "[work][sign_off]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, t);
    ticket.details.repair = RepairDetails{ServiceMode::MailIn, std::nullopt, "", ""};
    ticket = Apply(Apply(ticket, Action::Accept, Staff(), t + 60), Action::Assign, Staff(), t + 120);
    ticket = Apply(Apply(ticket, Action::Start, Staff(), t + 180), Action::Resolve, Staff(), t + 240);
    const auto refused = Work(ticket, WorkKind::SignOffLater, t + 300);
    REQUIRE_FALSE(refused.Ok());
    CHECK(refused.GetError().code == "illegal_transition");
}

TEST_CASE("sign-off: the signature PNG is well formed, of the asked size, with ink where the strokes are",
          "[sign_off][png]") {
    using aftercare::portal::SignaturePng;
    using aftercare::portal::SignatureStroke;
    // A horizontal stroke across the middle, and a dot.
    const std::vector<SignatureStroke> strokes = {{{0.1f, 0.5f}, {0.9f, 0.5f}}, {{0.5f, 0.2f}}};
    const std::string png = SignaturePng(strokes, 600, 240, 4.0f);
    REQUIRE(png.size() > 33);
    CHECK(png.compare(0, 8, std::string("\x89PNG\r\n\x1A\n", 8)) == 0);
    CHECK(png.compare(12, 4, "IHDR") == 0);
    CHECK(Be32(png, 16) == 600);
    CHECK(Be32(png, 20) == 240);
    CHECK(png[24] == 1);  // 1-bit
    CHECK(png[25] == 0);  // greyscale
    CHECK(png.compare(png.size() - 8, 4, "IEND") == 0);
    // Small enough for the server's 256 KB cap with room to spare.
    CHECK(png.size() < 32 * 1024);

    // The IDAT is one zlib stream of stored blocks: read the scanlines back.
    const std::size_t idat = png.find("IDAT");
    REQUIRE(idat != std::string::npos);
    std::string raw;
    std::size_t at = idat + 4 + 2;  // past the zlib header
    for (;;) {
        const bool last = png[at] & 1;
        const std::size_t n = static_cast<unsigned char>(png[at + 1]) | (static_cast<unsigned char>(png[at + 2]) << 8);
        raw.append(png, at + 5, n);
        at += 5 + n;
        if (last) break;
    }
    const std::size_t row = 1 + 600 / 8;
    REQUIRE(raw.size() == 240 * row);
    auto ink = [&](int x, int y) {
        const unsigned char byte = static_cast<unsigned char>(raw[static_cast<std::size_t>(y) * row + 1 + static_cast<std::size_t>(x) / 8]);
        return (byte & (0x80 >> (x % 8))) == 0;  // 0 is black
    };
    CHECK(ink(300, 120));   // on the stroke
    CHECK(ink(100, 120));
    CHECK_FALSE(ink(30, 120));   // left of it
    CHECK_FALSE(ink(300, 200));  // below it
    CHECK(ink(300, 48));    // the dot
    // Nothing signed: a white image, still a valid PNG.
    CHECK(SignaturePng({}, 10, 10, 4.0f).compare(0, 8, std::string("\x89PNG\r\n\x1A\n", 8)) == 0);
}
