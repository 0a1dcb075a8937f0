// Warranty lookup: the product register plus core::EvaluateWarranty / EstimateCharge.
#include "services/warranty_service.hpp"

#include "core/money.h"
#include "core/validation.h"
#include "core/warranty.h"
#include "services/domain_error.hpp"

namespace aftercare::serve::warranty {

api::WarrantyLookupResponse Lookup(Services& services, const api::WarrantyLookupRequest& request) {
    auto serial = core::NormalizeSerial(request.serial);
    if (!serial) throw DomainError(serial.GetError());
    if (auto error = core::CheckUtcOffset(request.utc_offset_minutes)) throw DomainError(*error);

    api::WarrantyLookupResponse response;
    response.serial = serial.Value();
    auto product = services.store.FindProduct(serial.Value());
    std::optional<core::CivilDate> start;
    if (product) {
        response.model = product->model;
        response.replacements = product->replacements;
        start = product->purchase_date;
    }
    // The vendor's register wins over what the customer types; an unknown serial needs a date.
    if (!start) start = request.purchase_date;
    if (!start) {
        if (!product)
            throw DomainError(ErrorKind::NotFound, "serial_not_found", "没有找到该序列号，请填写购买日期",
                              "This serial number is not registered; give the purchase date.", "serial");
        throw DomainError(ErrorKind::InvalidValue, "required", "请填写购买日期", "Give the purchase date.",
                          "purchase_date");
    }
    response.purchase_date = start;

    core::WarrantyQuery query;
    query.coverage_start = *start;
    query.today = core::LocalDate(services.now(), request.utc_offset_minutes);
    query.faulty_part = request.faulty_part;
    query.replacements = response.replacements;
    response.decision = core::EvaluateWarranty(query, *services.Policy());
    if (request.parts_cost_fen) {
        if (auto error = core::CheckAmountFen(*request.parts_cost_fen, "parts_cost_fen"))
            throw DomainError(*error);
        core::RepairQuote quote;
        quote.parts_cost_fen = *request.parts_cost_fen;
        quote.on_site = request.on_site;
        response.estimate = core::EstimateCharge(response.decision, quote, *services.Policy());
    }
    return response;
}

}  // namespace aftercare::serve::warranty
