// Demo seed from assets/demo: the register (products, parts, orders) through the import engine,
// staff and tickets applied through core so seeded tickets obey the same rules.
#include "seed.hpp"

#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "api/core_json.h"
#include "core/quote.h"
#include "core/rating.h"
#include "core/service_number.h"
#include "core/state_machine.h"
#include "core/validation.h"
#include "core/work_log.h"
#include "import/engine.hpp"
#include "log.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

using Json = nlohmann::json;
constexpr std::int64_t kDay = 86400;

Json ReadJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return Json::array();  // every file is optional
    return Json::parse(in);
}

// The demo import files are written as if today were this day (2026-01-01 00:00 in China); the seed
// shifts every date and time by (now - this), so "delivered 3 days ago" stays true on any day.
constexpr std::int64_t kDemoAnchor = 1767196800;

// Imports <kind>.csv or <kind>.jsonl from the demo folder when there is one; a bad row is an error.
void ImportDemoFile(Services& services, const std::filesystem::path& dir, import::Kind kind, std::int64_t now) {
    for (const char* extension : {".csv", ".jsonl"}) {
        const std::filesystem::path path = dir / (std::string(import::KindName(kind)) + extension);
        std::ifstream in(path, std::ios::binary);
        if (!in) continue;
        import::Options options;
        options.kind = kind;
        options.format = import::FormatForFileName(path.string());
        options.context.now = now;
        options.context.shift = now - kDemoAnchor;
        const import::Report report = import::Run(services.store, in, options);
        if (!report.errors.empty()) {
            const auto& error = report.errors.front();
            throw std::runtime_error(path.filename().string() + " line " + std::to_string(error.line) + ", column " +
                                     error.column + ": " + error.message_en);
        }
        return;
    }
}

template <typename E>
E EnumOf(const Json& value) {
    E out{};
    if (!core::FromString(value.get<std::string>(), out))
        throw std::runtime_error("unknown value " + value.get<std::string>());
    return out;
}

// Deterministic, valid service number for a demo ticket key.
std::string DemoNumber(core::TicketKind kind, const std::string& key) {
    const std::string seed = "aftercare-demo:" + key;
    std::uint8_t bytes[core::kServiceNumberRandomBytes];
    crypto_generichash(bytes, sizeof bytes, reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), nullptr, 0);
    auto number = core::GenerateServiceNumber(kind, bytes);
    if (!number) throw std::runtime_error("cannot derive a service number for " + key);
    return number.Value();
}

core::Actor ActorOf(const std::string& text) {
    if (text == "customer") return core::Actor{core::ActorRole::Customer, {}};
    if (text == "system") return core::Actor{core::ActorRole::System, {}};
    if (text.rfind("staff:", 0) == 0) return core::Actor{core::ActorRole::Staff, text.substr(6)};
    throw std::runtime_error("unknown actor " + text);
}

core::Ticket BuildTicket(Services& services, const Json& item, std::int64_t now, std::optional<core::Rating>& rating) {
    const std::string key = item.at("key").get<std::string>();
    const std::int64_t created = now - item.at("created_minutes_ago").get<std::int64_t>() * 60;

    core::TicketDraft draft;
    draft.kind = EnumOf<core::TicketKind>(item.at("kind"));
    draft.priority = EnumOf<core::Priority>(item.at("priority"));
    draft.customer.name = item.at("customer").at("name").get<std::string>();
    draft.customer.phone = item.at("customer").at("phone").get<std::string>();
    const Json& product = item.at("product");
    draft.product.model = product.value("model", "");
    draft.product.serial = product.value("serial", "");
    draft.product.order_number = product.value("order_number", "");
    draft.subject = item.at("subject").get<std::string>();
    draft.description = item.at("description").get<std::string>();
    draft.address = item.value("address", "");
    if (item.contains("repair")) draft.repair = item["repair"].get<core::RepairDetails>();
    if (item.contains("return_reason")) draft.return_reason = EnumOf<core::ReturnReason>(item["return_reason"]);
    if (item.contains("complaint")) draft.complaint = item["complaint"].get<core::ComplaintDetails>();
    if (draft.kind == core::TicketKind::Return || draft.kind == core::TicketKind::Exchange) {
        draft.product.delivered_at = created - 2 * kDay;
        if (!draft.product.order_number.empty())
            if (auto order = services.store.FindOrder(draft.product.order_number); order && order->delivered_at)
                draft.product.delivered_at = order->delivered_at;
    }
    if (auto errors = core::ValidateTicketDraft(draft, created); !errors.empty())
        throw std::runtime_error("ticket " + key + ": " + errors.front().field + ": " + errors.front().message.en);

    core::Ticket ticket = core::CreateTicket(draft, DemoNumber(draft.kind, key), created);
    for (const Json& step : item.at("steps")) {
        const std::int64_t at = created + step.at("at_minutes").get<std::int64_t>() * 60;
        core::Result<core::Applied> applied = core::MakeError("seed", "", "empty step");
        if (step.contains("quote_answer")) {
            applied = core::AnswerQuote(ticket, step["quote_answer"].get<bool>(), at);
        } else if (step.contains("rating")) {
            core::Rating value = step["rating"].get<core::Rating>();
            applied = core::RateTicket(ticket, value, at);
            rating = value;
        } else if (step.contains("work")) {
            core::WorkEntry entry;
            entry.kind = EnumOf<core::WorkKind>(step["work"]);
            entry.note = step.value("note", "");
            if (step.contains("report")) entry.report = step["report"].get<core::ServiceReport>();
            if (step.contains("quote")) entry.quote = step["quote"].get<core::Quote>();
            if (entry.report || entry.quote) entry.warranty = tickets::CoverageOf(services, ticket);
            applied = core::RecordWork(ticket, ActorOf(step.at("actor").get<std::string>()), entry, at,
                                       *services.Policy());
        } else if (step.contains("message")) {
            applied = core::AddMessage(ticket, ActorOf(step.at("actor").get<std::string>()),
                                       step["message"].get<std::string>(), at);
        } else {
            core::TransitionRequest request;
            request.action = EnumOf<core::Action>(step.at("action"));
            request.actor = ActorOf(step.at("actor").get<std::string>());
            request.note = step.value("note", "");
            request.assignee = step.value("assignee", "");
            if (step.contains("findings")) request.findings = step["findings"].get<core::ComplaintFindings>();
            applied = core::Transition(ticket, request, at, *services.Policy());
        }
        if (!applied)
            throw std::runtime_error("ticket " + key + ": step refused by core: " + applied.GetError().message.en);
        ticket = std::move(applied.Value().ticket);
    }
    return ticket;
}

}  // namespace

bool SeedDemoData(Services& services, const std::string& demo_dir, std::string& error) {
    if (services.store.GetMeta("demo_seeded") || services.store.CountTickets() > 0) return true;
    const std::filesystem::path dir(demo_dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return true;  // no demo data shipped: start empty
    const std::int64_t now = services.now();
    try {
        for (const Json& member : ReadJson(dir / "staff.json")) {
            std::vector<std::string> roles;
            for (const auto& role : member.at("roles")) roles.push_back(role.get<std::string>());
            staff::CreateAccount(services.store, member.at("username").get<std::string>(),
                                 member.at("display_name").get<std::string>(), roles, "", now);
        }
        // The register goes in through the import engine, as a vendor's files would.
        for (import::Kind kind : {import::Kind::Products, import::Kind::Parts, import::Kind::Orders})
            ImportDemoFile(services, dir, kind, now);
        const Json tickets = ReadJson(dir / "tickets.json");
        services.store.Write([&](StoreTx& tx) {
            for (const Json& item : tickets) {
                std::optional<core::Rating> rating;
                core::Ticket ticket = BuildTicket(services, item, now, rating);
                const std::string compact = tickets::CompactNumber(ticket.service_number);
                const TicketRow row(ticket, tickets::ComputeIndex(ticket, now, *services.Policy()));
                auto id = tx.InsertTicket(compact, row);
                if (!id) throw std::runtime_error("duplicate demo service number " + ticket.service_number);
                if (rating) tx.InsertRating(*id, *rating, core::IsSatisfied(*rating, *services.Policy()), now);
                const std::string phone = ticket.details.customer.phone;
                LogEvent("info", "demo ticket " + ticket.service_number + " (" +
                                     std::string(core::ToString(ticket.state)) + "), phone last 4 " +
                                     phone.substr(phone.size() - 4));
            }
            tx.SetMeta("demo_seeded", std::to_string(now));
        });
    } catch (const std::exception& e) {
        error = "demo data in " + demo_dir + ": " + e.what();
        return false;
    }
    return true;
}

}  // namespace aftercare::serve
