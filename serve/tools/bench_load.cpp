// aftercare-bench-load: fills a data dir with N tickets for the benchmark (scripts/bench-api.sh),
// through core and the real store, and writes (service number, token) pairs for the read workload.
// Most tickets are historical (closed through the real state machine), a tenth are still open.
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "api/policy_json.h"
#include "auth.hpp"
#include "core/service_number.h"
#include "core/state_machine.h"
#include "core/work_log.h"
#include "core/validation.h"
#include "services/ticket_service.hpp"
#include "store/sqlite_store.hpp"

using namespace aftercare;

namespace {

struct Options {
    std::string data_dir = "./bench-data";
    std::string policy = "assets/policy.json";
    std::string tokens_out = "bench-tokens.txt";
    long tickets = 1000000;
    int token_count = 10000;
};

[[noreturn]] void Refused(const core::Ticket& ticket, const std::string& step, const core::Error& error) {
    std::fprintf(stderr, "aftercare-bench-load: %s of a %s ticket refused: %s (%s)\n", step.c_str(),
                 std::string(core::ToString(ticket.details.kind)).c_str(), error.code.c_str(), error.message.en.c_str());
    std::exit(1);
}

core::Result<core::Applied> Step(const core::Ticket& ticket, core::Action action, std::int64_t at, const core::Policy& policy,
                                 core::ActorRole role = core::ActorRole::Staff) {
    core::TransitionRequest request;
    request.action = action;
    request.actor = core::Actor{role, role == core::ActorRole::Staff ? "engineer.li" : ""};
    if (action == core::Action::Assign) request.assignee = "engineer.li";
    // What the rules ask of a resolution: a complaint's findings, a suggestion's note.
    if (action == core::Action::Resolve) {
        request.note = "已处理";
        if (ticket.details.kind == core::TicketKind::Complaint)
            request.findings = core::ComplaintFindings{"工程师未按约定时间上门", "调整派工排班，上门前电话确认"};
    }
    return core::Transition(ticket, request, at, policy);
}

// A repair is resolved with its service report on record (the report is the free, no-parts kind).
core::Result<core::Applied> Report(const core::Ticket& ticket, std::int64_t at, const core::Policy& policy) {
    core::WorkEntry entry;
    entry.kind = core::WorkKind::ServiceReport;
    entry.report = core::ServiceReport{};
    entry.report->diagnosis = "电源板电容老化";
    entry.report->actions = "清洁并紧固接插件，通电测试正常";
    entry.report->labour_minutes = 30;
    return core::RecordWork(ticket, core::Actor{core::ActorRole::Staff, "engineer.li"}, entry, at, policy);
}

// Applies the usual life of a ticket of this kind, ending closed. A refused step stops the load:
// a data set whose "closed" tickets stayed open (as happened when resolving began to need a service
// report) measures a different queue from the one the benchmark names.
core::Ticket Close(core::Ticket ticket, std::int64_t created, const core::Policy& policy) {
    using A = core::Action;
    std::vector<A> path;
    switch (ticket.details.kind) {
    case core::TicketKind::Repair: path = {A::Accept, A::Assign, A::Start, A::Resolve, A::Confirm, A::Close}; break;
    case core::TicketKind::Return:
    case core::TicketKind::Exchange: path = {A::Accept, A::Approve, A::ReceiveItem, A::Resolve, A::Confirm, A::Close}; break;
    default: path = {A::Accept, A::Resolve, A::Confirm, A::Close}; break;
    }
    std::int64_t at = created;
    for (A action : path) {
        at += 600;
        if (action == A::Resolve && ticket.details.kind == core::TicketKind::Repair) {
            auto reported = Report(ticket, at, policy);
            if (!reported) Refused(ticket, "service report", reported.GetError());
            ticket = std::move(reported.Value().ticket);
        }
        const auto role = action == A::Confirm ? core::ActorRole::Customer : core::ActorRole::Staff;
        auto applied = Step(ticket, action, at, policy, role);
        if (!applied) Refused(ticket, std::string(core::ToString(action)), applied.GetError());
        ticket = std::move(applied.Value().ticket);
    }
    return ticket;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--data-dir") options.data_dir = value;
        else if (flag == "--policy") options.policy = value;
        else if (flag == "--tokens-out") options.tokens_out = value;
        else if (flag == "--tickets") options.tickets = std::atol(value.c_str());
        else if (flag == "--token-count") options.token_count = std::atoi(value.c_str());
        else {
            std::fprintf(stderr, "usage: aftercare-bench-load --data-dir D --tickets N --tokens-out F [--policy P]\n");
            return 2;
        }
    }
    if (sodium_init() < 0) return 1;
    std::ifstream policy_file(options.policy);
    std::stringstream policy_text;
    policy_text << policy_file.rdbuf();
    auto policy = api::ParsePolicy(policy_text.str());
    if (!policy) {
        std::fprintf(stderr, "bad policy %s\n", options.policy.c_str());
        return 1;
    }
    serve::SqliteStore store(options.data_dir, 1);
    serve::Auth auth(store);
    std::ofstream tokens(options.tokens_out);

    std::mt19937_64 random(42);
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    const core::TicketKind kinds[] = {core::TicketKind::Repair, core::TicketKind::Repair, core::TicketKind::Repair,
                                      core::TicketKind::Consultation, core::TicketKind::Complaint,
                                      core::TicketKind::Return, core::TicketKind::Exchange};
    const long batch = 5000;
    // Tokens only for tickets their customers can still open (open, or ended within the policy's
    // customer_access_days_after_close): a token of a long-closed ticket is refused with 401, and
    // the read workload would measure refusals. About a fifth of the tickets qualify.
    const std::int64_t access_after_close = std::int64_t{policy.Value().tickets.customer_access_days_after_close} * 86400;
    const long token_every = std::max(1L, options.tickets / 5 / std::max(1, options.token_count));
    long openable = 0;
    for (long start = 0; start < options.tickets; start += batch) {
        store.Write([&](serve::StoreTx& tx) {
            for (long i = start; i < std::min(options.tickets, start + batch); ++i) {
                core::TicketDraft draft;
                draft.kind = kinds[random() % std::size(kinds)];
                draft.priority = static_cast<core::Priority>(random() % 3);
                draft.customer.name = "客户" + std::to_string(i);
                draft.customer.phone = "+86138" + std::to_string(10000000 + static_cast<long>(random() % 89999999));
                draft.product.model = "KF-200";
                draft.subject = "报修 #" + std::to_string(i);
                draft.description = "基准测试生成的工单，用于测量查询与排队性能。";
                if (draft.kind == core::TicketKind::Return || draft.kind == core::TicketKind::Exchange) {
                    draft.return_reason = core::ReturnReason::QualityProblem;
                }
                // Spread over the past year; a tenth are recent and still open.
                const bool open = random() % 10 == 0;
                const std::int64_t created = open ? now - static_cast<std::int64_t>(random() % (3 * 86400))
                                                  : now - 86400 - static_cast<std::int64_t>(random() % (365 * 86400));
                if (draft.return_reason) draft.product.delivered_at = created - 86400;
                std::uint8_t bytes[core::kServiceNumberRandomBytes];
                randombytes_buf(bytes, sizeof bytes);
                auto number = core::GenerateServiceNumber(draft.kind, bytes);
                if (!number) continue;
                core::Ticket ticket = core::CreateTicket(draft, number.Value(), created);
                if (!open) ticket = Close(std::move(ticket), created, policy.Value());
                const auto compact = serve::tickets::CompactNumber(ticket.service_number);
                const serve::TicketIndex index = serve::tickets::ComputeIndex(ticket, now, policy.Value());
                auto id = tx.InsertTicket(compact, serve::TicketRow(ticket, index));
                if (!id || !serve::Auth::CustomerAccessOpen(index.ended_at, now, access_after_close)) continue;
                if (openable++ % token_every == 0) {
                    std::int64_t expires = 0;
                    tokens << ticket.service_number << " " << auth.IssueCustomerToken(tx, *id, now, expires) << "\n";
                }
            }
        });
        if ((start / batch) % 20 == 0) std::fprintf(stderr, "%ld tickets\n", start + batch);
    }
    std::fprintf(stderr, "done: %ld tickets in %s\n", options.tickets, options.data_dir.c_str());
    return 0;
}
