// Import engine: header mapping, the row loop inside one store transaction, and the report.
#include "import/engine.hpp"

#include "import/csv_reader.hpp"
#include "store/register.hpp"

namespace aftercare::serve::import {
namespace {

using Json = nlohmann::json;

// Thrown inside the transaction to roll it back after a dry run or a bad row.
struct RollBack {};

// Rows from a CSV file: the header line maps columns to fields.
class CsvRows {
  public:
    CsvRows(std::istream& in, Encoding encoding) : source_(in, encoding), reader_(source_) {}

    // Reads the header; returns false (with an error) when the file is empty.
    bool Start(Report& report, std::vector<RowError>& errors) {
        std::vector<std::string> header;
        long line = 0;
        if (!reader_.Next(header, line)) {
            errors.push_back({1, "", "", "empty_file", "文件是空的", "The file is empty"});
            return false;
        }
        columns_.assign(header.size(), std::nullopt);
        for (std::size_t i = 0; i < header.size(); ++i) {
            columns_[i] = FieldForHeader(header[i]);
            if (columns_[i])
                labels_[static_cast<std::size_t>(*columns_[i])] = header[i];
            else if (!header[i].empty())
                report.ignored_columns.push_back(header[i]);
        }
        report.encoding = source_.encoding_label();
        return true;
    }

    bool Has(Field field) const { return !labels_[static_cast<std::size_t>(field)].empty(); }
    const std::string& Label(Field field) const { return labels_[static_cast<std::size_t>(field)]; }

    bool Next(Cells& cells, long& line, std::vector<RowError>&) {
        if (!reader_.Next(fields_, line)) return false;
        for (auto& value : cells.value)
            value.reset();
        cells.label = labels_;
        for (std::size_t i = 0; i < fields_.size() && i < columns_.size(); ++i)
            if (columns_[i]) cells.value[static_cast<std::size_t>(*columns_[i])] = std::move(fields_[i]);
        return true;
    }

  private:
    TextSource source_;
    CsvReader reader_;
    std::vector<std::optional<Field>> columns_;
    std::array<std::string, kFieldCount> labels_;
    std::vector<std::string> fields_;
};

// Rows from JSON Lines: one object per line, keys named like CSV headers.
class JsonLinesRows {
  public:
    JsonLinesRows(std::istream& in, Encoding encoding) : source_(in, encoding) {}

    bool Start(Report&, std::vector<RowError>&) { return true; }
    bool Has(Field) const { return true; } // JSON rows name their fields one by one
    const std::string& Label(Field) const { return empty_; }

    bool Next(Cells& cells, long& line, std::vector<RowError>& errors) {
        std::string text;
        for (;;) {
            if (!ReadLine(text)) return false;
            line = line_;
            if (text.find_first_not_of(" \t\r") != std::string::npos) break;
        }
        for (auto& value : cells.value)
            value.reset();
        for (auto& label : cells.label)
            label.clear();
        Json object = Json::parse(text, nullptr, false);
        if (object.is_discarded() || !object.is_object()) {
            errors.push_back(
                {line, "", "", "invalid_json", "这一行不是 JSON 对象", "This line is not a JSON object"});
            return true;
        }
        for (const auto& [key, value] : object.items()) {
            auto field = FieldForHeader(key);
            if (!field) {
                errors.push_back({line, key, "", "unknown_field", "未知字段", "Unknown field"});
                continue;
            }
            const auto index = static_cast<std::size_t>(*field);
            cells.label[index] = key;
            if (value.is_string())
                cells.value[index] = value.get<std::string>();
            else if (value.is_boolean())
                cells.value[index] = value.get<bool>() ? "true" : "false";
            else if (!value.is_null())
                cells.value[index] = value.dump();
        }
        return true;
    }

    const std::string& encoding_label() const { return source_.encoding_label(); }

  private:
    bool ReadLine(std::string& text) {
        text.clear();
        for (;;) {
            if (pos_ >= chunk_.size()) {
                pos_ = 0;
                if (!source_.Next(chunk_)) return !text.empty();
            }
            const std::size_t end = chunk_.find('\n', pos_);
            if (end == std::string::npos) {
                if (text.size() < kMaxLineBytes) text.append(chunk_, pos_, kMaxLineBytes - text.size());
                pos_ = chunk_.size();
                continue;
            }
            if (text.size() < kMaxLineBytes)
                text.append(chunk_, pos_, std::min(end - pos_, kMaxLineBytes - text.size()));
            pos_ = end + 1;
            ++line_;
            return true;
        }
    }

    static constexpr std::size_t kMaxLineBytes = 64 * 1024;
    TextSource source_;
    std::string chunk_;
    std::size_t pos_ = 0;
    long line_ = 0;
    std::string empty_;
};

// Writes one valid row; a part for an unknown serial becomes that row's error.
void WriteRow(RegisterTx& tx, Kind kind, const Cells& cells, long line, const RowContext& context,
              Report& report, std::vector<RowError>& errors) {
    std::optional<bool> changed;
    switch (kind) {
    case Kind::Products:
        if (auto product = ToProduct(cells, line, context, errors))
            changed = tx.UpsertProduct(*product) == UpsertOutcome::Changed;
        break;
    case Kind::Orders:
        if (auto order = ToOrder(cells, line, context, errors))
            changed = tx.UpsertOrder(*order) == UpsertOutcome::Changed;
        break;
    case Kind::Parts:
        if (auto part = ToPart(cells, line, context, errors)) {
            const PartOutcome outcome = tx.RecordReplacement(part->serial, part->replacement);
            if (outcome == PartOutcome::UnknownSerial)
                errors.push_back(CellError(cells, Field::Serial, line, "serial_not_found",
                                           "登记册中没有这个序列号，请先导入产品",
                                           "This serial is not in the register; import the product first"));
            else
                changed = outcome == PartOutcome::Changed;
        }
        break;
    }
    if (changed) ++(*changed ? report.changed : report.unchanged);
}

template <typename Rows> Report RunRows(Store& store, Rows& rows, const Options& options, Report report) {
    std::vector<RowError> errors; // this row's
    const auto keep = [&] {
        for (auto& error : errors)
            if (report.errors.size() < options.max_reported_errors) report.errors.push_back(std::move(error));
        errors.clear();
    };
    if (!rows.Start(report, errors)) {
        ++report.error_rows;
        keep();
        return report;
    }
    // A missing required column is one error for the whole file, reported on the header line.
    const KindColumns& columns = ColumnsOf(options.kind);
    for (Field field : columns.required) {
        if (rows.Has(field)) continue;
        errors.push_back({1, FieldName(field), "", "missing_column",
                          std::string("缺少“") + FieldNameZh(field) + "”列（表头可写 " + FieldNameZh(field) +
                              " 或 " + FieldName(field) + "）",
                          std::string("Missing column ") + FieldName(field) + " (header " + FieldName(field) +
                              " or " + FieldNameZh(field) + ")"});
    }
    if (!errors.empty()) {
        ++report.error_rows;
        keep();
        return report;
    }
    try {
        store.Write([&](StoreTx& tx) {
            RegisterTx& reg = tx.Register();
            Cells cells;
            long line = 0;
            while (rows.Next(cells, line, errors)) {
                ++report.rows;
                if (errors.empty()) WriteRow(reg, options.kind, cells, line, options.context, report, errors);
                if (!errors.empty()) {
                    ++report.error_rows;
                    keep();
                }
            }
            if (report.error_rows > 0 || options.dry_run) throw RollBack{};
        });
        report.written = true;
    } catch (const RollBack&) {
    }
    return report;
}

} // namespace

Format FormatForFileName(const std::string& name) {
    auto ends_with = [&](const char* suffix) {
        const std::string s(suffix);
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return ends_with(".jsonl") || ends_with(".ndjson") ? Format::JsonLines : Format::Csv;
}

Report Run(Store& store, std::istream& in, const Options& options) {
    Report report;
    report.kind = KindName(options.kind);
    report.dry_run = options.dry_run;
    if (options.format == Format::Csv) {
        report.format = "csv";
        CsvRows rows(in, options.encoding);
        return RunRows(store, rows, options, std::move(report));
    }
    report.format = "jsonl";
    JsonLinesRows rows(in, options.encoding);
    report = RunRows(store, rows, options, std::move(report));
    report.encoding = rows.encoding_label();
    return report;
}

api::ImportReport ToWire(const Report& report) {
    api::ImportReport wire;
    wire.kind = report.kind;
    wire.format = report.format;
    wire.encoding = report.encoding;
    wire.rows = report.rows;
    wire.changed = report.changed;
    wire.unchanged = report.unchanged;
    wire.error_rows = report.error_rows;
    wire.dry_run = report.dry_run;
    wire.written = report.written;
    wire.ignored_columns = report.ignored_columns;
    for (const auto& error : report.errors)
        wire.errors.push_back(
            {error.line, error.column, error.value, error.code, error.message_zh, error.message_en});
    return wire;
}

} // namespace aftercare::serve::import
