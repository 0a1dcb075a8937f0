// Column tables of the import kinds: one place for every header alias.
#include "import/columns.hpp"

namespace aftercare::serve::import {
namespace {

struct FieldNames {
    Field field;
    const char* name;    // canonical English (also the JSON key)
    const char* name_zh; // the usual Chinese header
    std::vector<std::string_view> aliases;
};

const std::vector<FieldNames>& Table() {
    static const std::vector<FieldNames> table = {
        {Field::Serial,
         "serial",
         "序列号",
         {"serial_number", "sn", "s/n", "产品序列号", "机身序列号", "机器序列号", "设备序列号"}},
        {Field::Model,
         "model",
         "型号",
         {"product_model", "product", "产品型号", "产品", "商品", "商品名称", "设备型号"}},
        {Field::PurchaseDate,
         "purchase_date",
         "购买日期",
         {"purchased_on", "acceptance_date", "验收日期", "购机日期", "下单日期", "购买时间"}},
        {Field::OrderNumber, "order_number", "订单号", {"order", "order_no", "order_id", "订单编号", "订单"}},
        {Field::Phone,
         "phone",
         "手机号",
         {"mobile", "phone_number", "telephone", "手机", "手机号码", "电话", "联系电话", "收货人手机"}},
        {Field::DeliveredAt,
         "delivered_at",
         "签收时间",
         {"delivered_on", "delivery_time", "signed_at", "签收日期", "送达时间", "收货时间"}},
        {Field::Part, "part", "部件", {"part_id", "配件", "更换部件", "更换配件", "部件编号"}},
        {Field::ReplacedOn, "replaced_on", "更换日期", {"replacement_date", "replaced_at", "更换时间"}},
        {Field::CustomerCaused, "customer_caused", "买方原因", {"客户原因", "人为损坏"}},
        {Field::PartSerial, "part_serial", "新配件序列号", {"new_part_serial", "配件序列号", "新部件序列号"}},
    };
    return table;
}

std::string Canonical(std::string_view header) {
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t'))
        header.remove_prefix(1);
    while (!header.empty() && (header.back() == ' ' || header.back() == '\t'))
        header.remove_suffix(1);
    std::string out;
    for (char c : header) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' || c == '-') c = '_';
        out.push_back(c);
    }
    return out;
}

} // namespace

std::optional<Kind> ParseKind(std::string_view name) {
    if (name == "products") return Kind::Products;
    if (name == "orders") return Kind::Orders;
    if (name == "parts") return Kind::Parts;
    return std::nullopt;
}

const char* KindName(Kind kind) {
    switch (kind) {
    case Kind::Products:
        return "products";
    case Kind::Orders:
        return "orders";
    case Kind::Parts:
        return "parts";
    }
    return "";
}

const char* FieldName(Field field) {
    return Table()[static_cast<std::size_t>(field)].name;
}
const char* FieldNameZh(Field field) {
    return Table()[static_cast<std::size_t>(field)].name_zh;
}

std::optional<Field> FieldForHeader(std::string_view header) {
    const std::string key = Canonical(header);
    for (const auto& entry : Table()) {
        if (key == entry.name || key == entry.name_zh) return entry.field;
        for (auto alias : entry.aliases)
            if (key == alias) return entry.field;
    }
    return std::nullopt;
}

const KindColumns& ColumnsOf(Kind kind) {
    static const KindColumns products{{Field::Serial, Field::Model}, {Field::PurchaseDate}};
    static const KindColumns orders{{Field::OrderNumber, Field::Phone, Field::Model},
                                    {Field::Serial, Field::PurchaseDate, Field::DeliveredAt}};
    static const KindColumns parts{{Field::Serial, Field::Part, Field::ReplacedOn},
                                   {Field::CustomerCaused, Field::PartSerial}};
    switch (kind) {
    case Kind::Products:
        return products;
    case Kind::Orders:
        return orders;
    case Kind::Parts:
        return parts;
    }
    return products;
}

} // namespace aftercare::serve::import
