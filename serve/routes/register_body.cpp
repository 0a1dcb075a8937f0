// RespondWithImport: size check, the engine through the register service, and the status.
#include "routes/register_body.hpp"

#include "services/register_service.hpp"

namespace aftercare::serve {

bool DryRunParam(const HttpRequest& req) {
    const std::string value = req.get_param_value("dry_run");
    if (value.empty() || value == "false" || value == "0") return false;
    if (value == "true" || value == "1") return true;
    throw DomainError(ErrorKind::BadRequest, "invalid_value", "dry_run 取值应为 true 或 false",
                      "dry_run must be true or false.", "dry_run");
}

ImportResponse RunImportBody(Services& services, const std::string& data, const std::string& who,
                             import::Kind kind, import::Format format, bool dry_run, bool refuse_with_422) {
    if (data.size() > kMaxImportBodyBytes)
        throw DomainError(ErrorKind::PayloadTooLarge, "payload_too_large",
                          "文件超过 10 MB，请分批上传或使用命令行导入",
                          "The file is over 10 MB; split it or use the command-line import.");
    if (data.empty())
        throw DomainError(ErrorKind::BadRequest, "empty_body", "没有收到数据", "The request has no data.");
    const api::ImportReport report = register_service::Import(services, who, kind, format, dry_run, data);
    Json report_json;
    to_json(report_json, report);
    if (report.error_rows == 0 || !refuse_with_422) return {200, report_json};
    const std::string count = std::to_string(report.error_rows);
    api::ImportRefused refused;
    refused.error =
        api::MakeErrorBody(core::MakeError("rows_refused", "有 " + count + " 行数据有误，本次未写入任何数据",
                                           count + " rows are refused; nothing was written."),
                           api::Language::ZhCn);
    refused.report = report;
    Json body;
    to_json(body, refused);
    return {422, body};
}

} // namespace aftercare::serve
