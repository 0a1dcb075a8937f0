// Row conversion: each field checked on its own so one report lists every bad cell of a row.
#include "import/rows.hpp"

#include "core/utf8.h"
#include "core/validation.h"
#include "import/values.hpp"

namespace aftercare::serve::import {
namespace {

constexpr std::size_t kReportedValueBytes = 80;

std::string Shortened(const std::string& value) {
    if (value.size() <= kReportedValueBytes) return value;
    std::size_t cut = kReportedValueBytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
        --cut; // whole characters
    return value.substr(0, cut) + "…";
}

// Reads the cells of one row, collecting errors; each getter returns nullopt on a bad or missing value.
class RowReader {
  public:
    RowReader(const Cells& cells, long line, const RowContext& context, std::vector<RowError>& errors)
        : cells_(cells), line_(line), context_(context), errors_(errors), errors_before_(errors.size()) {}

    bool ok() const { return errors_.size() == errors_before_; }

    const std::string* Raw(Field field, bool required) {
        const auto& value = cells_.value[static_cast<std::size_t>(field)];
        if (value && !IsBlank(*value)) return &*value;
        if (required)
            Fail(field, "required", std::string("缺少") + FieldNameZh(field),
                 std::string("Missing ") + FieldName(field));
        return nullptr;
    }

    std::string Serial(bool required) {
        const std::string* raw = Raw(Field::Serial, required);
        if (!raw) return {};
        auto serial = core::NormalizeSerial(*raw, FieldName(Field::Serial));
        if (!serial) return Fail(Field::Serial, serial.GetError()), std::string();
        return serial.Value();
    }

    std::string Text(Field field, std::size_t max, bool required) {
        const std::string* raw = Raw(field, required);
        if (!raw) return {};
        const std::string value = Trimmed(*raw);
        if (auto error = core::CheckText(FieldName(field), value, 1, max, false))
            return Fail(field, *error), std::string();
        return value;
    }

    std::string Phone() {
        const std::string* raw = Raw(Field::Phone, true);
        if (!raw) return {};
        auto phone = core::NormalizePhone(*raw, FieldName(Field::Phone));
        if (!phone) return Fail(Field::Phone, phone.GetError()), std::string();
        return phone.Value();
    }

    std::string OrderNumber() {
        const std::string* raw = Raw(Field::OrderNumber, true);
        if (!raw) return {};
        const std::string value = Trimmed(*raw);
        if (auto error = core::CheckOrderNumber(value, FieldName(Field::OrderNumber)))
            return Fail(Field::OrderNumber, *error), std::string();
        return value;
    }

    std::optional<core::CivilDate> Date(Field field, bool required) {
        const std::string* raw = Raw(field, required);
        if (!raw) return std::nullopt;
        auto date = ParseLooseDate(*raw);
        if (!date) {
            Fail(field, "invalid_date", "日期无法识别，请写成 2026-03-01、2026/3/1 或 2026年3月1日",
                 "Unreadable date; write 2026-03-01, 2026/3/1 or 2026年3月1日");
            return std::nullopt;
        }
        if (context_.shift != 0)
            date = core::LocalDate(core::LocalDayStart(core::DaysFromCivil(*date), context_.offset) +
                                       context_.shift,
                                   context_.offset);
        if (*date > core::LocalDate(context_.now, context_.offset)) {
            Fail(field, "future_date", "日期不能晚于今天", "The date is after today");
            return std::nullopt;
        }
        return date;
    }

    std::optional<core::UnixSeconds> Instant(Field field) {
        const std::string* raw = Raw(field, false);
        if (!raw) return std::nullopt;
        auto instant = ParseLooseInstant(*raw, context_.offset);
        if (!instant) {
            Fail(field, "invalid_date", "时间无法识别，请写成 2026-03-01 14:30 或 2026年3月1日",
                 "Unreadable time; write 2026-03-01 14:30 or 2026年3月1日");
            return std::nullopt;
        }
        *instant += context_.shift;
        if (*instant > context_.now) {
            Fail(field, "future_date", "时间不能晚于现在", "The time is in the future");
            return std::nullopt;
        }
        return instant;
    }

    bool YesNo(Field field) {
        const std::string* raw = Raw(field, false);
        if (!raw) return false;
        auto value = ParseYesNo(*raw);
        if (!value) Fail(field, "invalid_choice", "请填写“是”或“否”", "Write yes or no");
        return value.value_or(false);
    }

  private:
    static bool IsBlank(const std::string& text) {
        return text.find_first_not_of(" \t") == std::string::npos;
    }
    static std::string Trimmed(const std::string& text) {
        const auto first = text.find_first_not_of(" \t");
        if (first == std::string::npos) return {};
        return text.substr(first, text.find_last_not_of(" \t") - first + 1);
    }

    void Fail(Field field, const core::Error& error) {
        Fail(field, error.code, error.message.zh, error.message.en);
    }
    void Fail(Field field, std::string code, std::string zh, std::string en) {
        errors_.push_back(CellError(cells_, field, line_, std::move(code), std::move(zh), std::move(en)));
    }

    const Cells& cells_;
    long line_;
    const RowContext& context_;
    std::vector<RowError>& errors_;
    std::size_t errors_before_;
};

} // namespace

RowError CellError(const Cells& cells, Field field, long line, std::string code, std::string zh,
                   std::string en) {
    const auto index = static_cast<std::size_t>(field);
    RowError error;
    error.line = line;
    error.column = cells.label[index].empty() ? FieldName(field) : cells.label[index];
    error.value = Shortened(cells.value[index].value_or(""));
    // Bytes that are not UTF-8 (a file in another encoding) would break the JSON report.
    if (!core::IsValidUtf8(error.value)) error.value = "(不是 UTF-8 / not UTF-8)";
    error.code = std::move(code);
    error.message_zh = std::move(zh);
    error.message_en = std::move(en);
    return error;
}

std::optional<ProductRecord> ToProduct(const Cells& cells, long line, const RowContext& context,
                                       std::vector<RowError>& errors) {
    RowReader row(cells, line, context, errors);
    ProductRecord product;
    product.serial = row.Serial(true);
    product.model = row.Text(Field::Model, core::TextLimits::kModelMax, true);
    product.purchase_date = row.Date(Field::PurchaseDate, false);
    if (!row.ok()) return std::nullopt;
    return product;
}

std::optional<OrderRecord> ToOrder(const Cells& cells, long line, const RowContext& context,
                                   std::vector<RowError>& errors) {
    RowReader row(cells, line, context, errors);
    OrderRecord order;
    order.order_number = row.OrderNumber();
    order.phone = row.Phone();
    order.model = row.Text(Field::Model, core::TextLimits::kModelMax, true);
    order.serial = row.Serial(false);
    order.purchase_date = row.Date(Field::PurchaseDate, false);
    order.delivered_at = row.Instant(Field::DeliveredAt);
    if (!row.ok()) return std::nullopt;
    return order;
}

std::optional<PartRow> ToPart(const Cells& cells, long line, const RowContext& context,
                              std::vector<RowError>& errors) {
    RowReader row(cells, line, context, errors);
    PartRow part;
    part.serial = row.Serial(true);
    part.replacement.part = row.Text(Field::Part, core::TextLimits::kCatalogueIdMax, true);
    auto date = row.Date(Field::ReplacedOn, true);
    part.replacement.customer_caused = row.YesNo(Field::CustomerCaused);
    if (row.Raw(Field::PartSerial, false)) {
        auto serial =
            core::NormalizeSerial(*cells.value[static_cast<std::size_t>(Field::PartSerial)], "part_serial");
        if (serial)
            part.replacement.part_serial = serial.Value();
        else
            errors.push_back(CellError(cells, Field::PartSerial, line, serial.GetError().code,
                                       serial.GetError().message.zh, serial.GetError().message.en));
    }
    if (!row.ok() || !date) return std::nullopt;
    part.replacement.replaced_on = *date;
    return part;
}

} // namespace aftercare::serve::import
