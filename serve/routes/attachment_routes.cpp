// Attachment upload (raw body + X-File-Name) and download, for the ticket's customer and for staff.
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/attachment_service.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// X-File-Name is percent-encoded UTF-8 (headers are ASCII); undecodable escapes stay as typed.
std::string PercentDecode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string PercentEncode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

void SendAttachment(httplib::Response& res, const AttachmentRecord& record) {
    std::string ascii;
    for (unsigned char c : record.file_name) ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    // Always a download, never rendered by the browser in our origin; the type is the one we
    // recognised from the bytes, and the sandbox CSP neuters it even if a browser did render it.
    res.set_header("Content-Disposition",
                   "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncode(record.file_name));
    res.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
    res.status = 200;
    res.set_content(record.data, record.content_type);
}

void Upload(Services& services, RequestContext& call, std::int64_t ticket_id, const core::Actor& actor,
            core::ActorRole reader) {
    const std::string name = PercentDecode(call.req.get_header_value("X-File-Name"));
    Json body;
    to_json(body, attachments::Upload(services, ticket_id, actor, name, call.req.body, reader));
    WriteJson(call.res, 201, body);
}

}  // namespace

void RegisterAttachmentRoutes(RouteTable& routes, Services& services) {
    routes.Add({"POST", "/api/v1/tickets/{number}/attachments", Access::Ticket, RateClass::Create,
                [&services](RequestContext& call) {
                    Upload(services, call, call.who.ticket_id, core::Actor{core::ActorRole::Customer, {}},
                           core::ActorRole::Customer);
                }});
    routes.Add({"GET", "/api/v1/tickets/{number}/attachments/{id}", Access::Ticket, RateClass::None,
                [&services](RequestContext& call) {
                    SendAttachment(call.res, attachments::Download(services, call.who.ticket_id, PathParam(call.req, 2)));
                }});
    routes.Add({"POST", "/api/v1/staff/tickets/{number}/attachments", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
                    Upload(services, call, id, core::Actor{core::ActorRole::Staff, call.who.staff_username},
                           core::ActorRole::Staff);
                }});
    routes.Add({"GET", "/api/v1/staff/tickets/{number}/attachments/{id}", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
                    SendAttachment(call.res, attachments::Download(services, id, PathParam(call.req, 2)));
                }});
}

}  // namespace aftercare::serve
