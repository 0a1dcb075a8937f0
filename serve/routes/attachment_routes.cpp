// Attachment upload (raw body + X-File-Name) and download, for the ticket's customer and for staff.
#include "file_names.hpp"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/attachment_service.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

void SendAttachment(HttpResponse& res, const AttachmentRecord& record) {
    // Always a download, never rendered by the browser in our origin; the type is the one we
    // recognised from the bytes, and the sandbox CSP neuters it even if a browser did render it.
    res.set_header("Content-Disposition", AttachmentDisposition(record.file_name));
    res.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
    res.status = 200;
    res.set_content(record.data, record.content_type);
}

void Upload(Services& services, RequestContext& call, std::int64_t ticket_id, const core::Actor& actor,
            core::ActorRole reader) {
    const std::string name = PercentDecode(call.req.get_header_value("X-File-Name"));
    Json body;
    to_json(body, attachments::Upload(services, ticket_id, actor, name, call.req.body, reader, call.client));
    WriteJson(call.res, 201, body);
}

}  // namespace

void RegisterAttachmentRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostTicketsByNumberAttachments, RateClass::Create, [&services](RequestContext& call) {
                    Upload(services, call, call.who.ticket_id, core::Actor{core::ActorRole::Customer, {}},
                           core::ActorRole::Customer);
                });
    routes.Add(api::endpoints::kGetTicketsByNumberAttachmentsById, RateClass::None, [&services](RequestContext& call) {
                    SendAttachment(call.res, attachments::Download(services, call.who.ticket_id, PathParam(call.req, 2)));
                });
    routes.Add(api::endpoints::kPostStaffTicketsByNumberAttachments, RateClass::None, [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
                    Upload(services, call, id, core::Actor{core::ActorRole::Staff, call.who.staff_username},
                           core::ActorRole::Staff);
                });
    routes.Add(api::endpoints::kGetStaffTicketsByNumberAttachmentsById, RateClass::None, [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    SendAttachment(call.res, staff::DownloadAttachment(services, staff::CallerOf(call.who), id,
                                                                       PathParam(call.req, 2)));
                });
}

}  // namespace aftercare::serve
