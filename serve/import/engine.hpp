// The bulk import engine behind `aftercare-server import`, the admin upload, the integration API
// and the demo seed: streams CSV or JSON Lines row by row into the product register and orders.
//
// A run is one transaction, all or nothing: rows are upserted as they are read, and if any row is
// bad (or on --dry-run) the transaction rolls back, so the register never holds half a file. The
// fix for a bad file is to correct the reported rows and run the whole file again; because every
// write is an upsert by serial / order number (and a replacement by serial + part + date), running
// a file again changes nothing that is already there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "api/vendor_wire.h"
#include "import/columns.hpp"
#include "import/rows.hpp"
#include "import/text_source.hpp"
#include "store/store.hpp"

namespace aftercare::serve::import {

enum class Format { Csv, JsonLines };

struct Options {
    Kind kind = Kind::Products;
    Format format = Format::Csv;
    Encoding encoding = Encoding::Auto;
    bool dry_run = false;
    RowContext context;
    std::size_t max_reported_errors = 1000; // the count goes on; the details stop here
};

struct Report {
    std::string kind;
    std::string format;
    std::string encoding;
    long rows = 0;       // data rows read
    long changed = 0;    // rows that inserted or changed something (or would, on a dry run)
    long unchanged = 0;  // rows already in the register exactly as given
    long error_rows = 0; // rows refused
    bool dry_run = false;
    bool written = false;                     // the transaction committed
    std::vector<std::string> ignored_columns; // headers that match no field
    std::vector<RowError> errors;             // at most Options::max_reported_errors
};

// "x.jsonl"/"x.ndjson" -> JSON Lines, anything else CSV.
Format FormatForFileName(const std::string& name);

Report Run(Store& store, std::istream& in, const Options& options);

api::ImportReport ToWire(const Report& report);

} // namespace aftercare::serve::import
