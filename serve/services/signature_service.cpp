// The customer's signature: checks, hash, and the one transaction that keeps it; see the header.
#include "services/signature_service.hpp"

#include <sodium.h>

#include "api/jobs_wire.h"
#include "auth.hpp"
#include "core/work_log.h"
#include "file_names.hpp"
#include "services/domain_error.hpp"
#include "services/ticket_service.hpp"
#include "storage_quota.hpp"
#include "store/store.hpp"

namespace aftercare::serve::signatures {
namespace {

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

// This very PNG is already the ticket's signature (a retry after a lost answer).
bool SignedWith(const core::Ticket& ticket, const std::string& hash) {
    const auto done = core::SignOffOf(ticket);
    return done && done->work && done->work->kind == core::WorkKind::SignOff && done->work->signature_sha256 == hash;
}

struct AlreadySigned {};

}  // namespace

bool IsPng(const std::string& bytes) {
    static constexpr std::string_view kMagic = "\x89PNG\r\n\x1A\n";
    if (bytes.size() < kMagic.size() || bytes.compare(0, kMagic.size(), kMagic) != 0) return false;
    std::size_t at = kMagic.size();
    bool first = true;
    while (at + 12 <= bytes.size()) {
        const std::uint32_t length = BigEndian32(bytes, at);
        const std::string_view type(bytes.data() + at + 4, 4);
        if (length > bytes.size() - at - 12) return false;  // the chunk runs past the end
        if (first) {
            if (type != "IHDR" || length != 13) return false;
            const std::uint32_t width = BigEndian32(bytes, at + 8);
            const std::uint32_t height = BigEndian32(bytes, at + 12);
            if (width < 1 || width > 4096 || height < 1 || height > 4096) return false;
            first = false;
        }
        at += 12 + length;
        if (type == "IEND") return at == bytes.size();
    }
    return false;
}

std::string Sha256Hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

SignResult Sign(Services& services, std::int64_t ticket_id, const staff::Caller& caller, const std::string& bytes,
                const std::string& client) {
    if (bytes.empty())
        throw DomainError(ErrorKind::InvalidValue, "required", "请让客户签字", "The customer's signature is missing.",
                          "signature");
    if (static_cast<std::int64_t>(bytes.size()) > api::kSignatureMaxBytes)
        throw DomainError(ErrorKind::PayloadTooLarge, "payload_too_large", "签名图片过大（最大 256 KB）",
                          "The signature image is too large (256 KB at most).", "signature");
    if (!IsPng(bytes))
        throw DomainError(ErrorKind::UnsupportedType, "unsupported_signature_type", "签名须为 PNG 图片",
                          "The signature must be a PNG image.", "signature");
    const std::string hash = Sha256Hex(bytes);
    staff::RequireTicketAccess(services, caller, ticket_id);
    if (auto current = services.store.LoadTicketById(ticket_id); current && SignedWith(current->ticket, hash))
        return SignResult{tickets::Read(services, ticket_id, core::ActorRole::Staff), true};

    services.quota.Reserve(client, static_cast<std::int64_t>(bytes.size()));
    AttachmentRecord record;
    record.id = NewId();
    record.ticket_id = ticket_id;
    record.content_type = "image/png";
    record.size_bytes = static_cast<std::int64_t>(bytes.size());
    record.created_at = services.now();
    record.data = bytes;

    core::WorkEntry entry;
    entry.kind = core::WorkKind::SignOff;
    entry.signature_sha256 = hash;
    entry.attachment_id = record.id;
    const tickets::TicketGuard guard = [&](const core::Ticket& ticket) {
        staff::TicketGuardFor(caller)(ticket);
        if (SignedWith(ticket, hash)) throw AlreadySigned{};  // a concurrent retry got there first
    };
    const tickets::AlsoWrite also = [&](StoreTx& tx, const core::Ticket& ticket) {
        record.file_name = SanitizeFileName("signature-" + ticket.service_number + ".png", record.content_type);
        tx.InsertAttachment(record);
        AuditRecord audit;
        audit.at = record.created_at;
        audit.staff = caller.username;
        audit.action = "sign_off";
        audit.ticket_id = ticket_id;
        audit.detail = "sha256:" + hash;
        tx.InsertAudit(audit);
    };
    try {
        const core::Actor actor{core::ActorRole::Staff, caller.username};
        return SignResult{tickets::RecordWork(services, ticket_id, actor, entry, guard, also), false};
    } catch (const AlreadySigned&) {
        return SignResult{tickets::Read(services, ticket_id, core::ActorRole::Staff), true};
    }
}

}  // namespace aftercare::serve::signatures
