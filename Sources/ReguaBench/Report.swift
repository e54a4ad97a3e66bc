import Foundation

/// One measure: Regua's operation timed against a baseline on the same input.
struct Comparison {
  /// The JSON key of the ratio, e.g. `evaluate_vs_handwritten`.
  var key: String
  /// What Regua does, for the table.
  var ours: String
  /// What the baseline does, for the table.
  var theirs: String
  var oursTiming: Timing
  var theirsTiming: Timing

  /// Ours over theirs: below 1 means Regua is faster.
  var ratio: Double { oursTiming.nanosecondsPerOperation / theirsTiming.nanosecondsPerOperation }
}

/// A count per operation, `nil` where it cannot be measured.
struct AllocationFigure {
  var key: String
  var label: String
  var perOperation: Double?
}

/// Everything one run measured, written as a table or as one JSON line.
struct BenchmarkReport {
  var quick: Bool
  /// What the check of the hand-written baseline covered.
  var coverage: HandwrittenB2B.Coverage
  /// What the check of the hand-written charges baseline covered.
  var chargesCoverage: HandwrittenCharges.Coverage
  var parseSteps: [Int]
  var comparisons: [Comparison] = []
  var allocations: [AllocationFigure] = []
  var portfolio: PortfolioMeasure.Figures?
  var accountStream: AccountStreamMeasure.Figures?

  /// Keys the spec pins whose measures later issues build; `null` until then.
  static let pendingKeys: [String] = []

  /// One JSON object, keys sorted, on one line.
  func json() -> String {
    var fields: [String: String] = [:]
    func add(_ comparison: Comparison) {
      fields[comparison.key] = number(comparison.ratio, decimals: 4)
      fields[comparison.key + "_ns_ours"] = number(comparison.oursTiming.nanosecondsPerOperation, decimals: 1)
      fields[comparison.key + "_ns_theirs"] = number(comparison.theirsTiming.nanosecondsPerOperation, decimals: 1)
    }
    for comparison in comparisons {
      add(comparison)
      fields[comparison.key + "_repetitions"] = String(comparison.oursTiming.repetitions)
    }
    for figure in allocations {
      fields[figure.key] = figure.perOperation.map { number($0, decimals: 2) } ?? "null"
    }
    for key in BenchmarkReport.pendingKeys { fields[key] = "null" }
    if let portfolio {
      fields["batch_seconds_per_million"] = number(portfolio.batchSecondsPerMillion, decimals: 4)
      add(portfolio.streamRatio)
      let sizes = portfolio.peakMemory.keys.sorted()
      fields["peak_memory_bytes"] = sizes.last.flatMap { portfolio.peakMemory[$0] }.map(String.init) ?? "null"
      for size in sizes { fields["peak_memory_bytes_\(size)"] = portfolio.peakMemory[size].map(String.init) ?? "null" }
    }
    if let accountStream {
      add(accountStream.streamRatio)
      for (size, bytes) in accountStream.peakMemory { fields["account_peak_memory_bytes_\(size)"] = String(bytes) }
    }
    fields["quick"] = quick ? "true" : "false"
    fields["equality_pairs_checked"] = String(coverage.pairs)
    fields["equality_pairs_checked_charges"] = String(chargesCoverage.pairs)
    fields["parse_steps"] = "[" + parseSteps.map(String.init).joined(separator: ",") + "]"
    let body = fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).map { "\"\($0)\":\(fields[$0]!)" }
    return "{" + body.joined(separator: ",") + "}"
  }

  /// The human table.
  func table() -> String {
    var lines: [String] = []
    lines.append(
      "regua-bench\(quick ? " --quick (smoke run: not a timing)" : ""): ratios are ours over theirs, lower is better")
    lines.append("hand-written baseline checked equal to the engine first, on \(coverage)")
    lines.append("hand-written charges baseline checked equal to the engine first, on \(chargesCoverage)")
    lines.append("")
    let header = [
      pad("measure", 28), pad("ours ns/op", 13, right: true), pad("theirs ns/op", 13, right: true),
      pad("ratio", 9, right: true), "  reps x batch",
    ]
    lines.append(header.joined())
    func row(_ comparison: Comparison) -> String {
      pad(comparison.key, 28) + pad(format(comparison.oursTiming.nanosecondsPerOperation, 1), 13, right: true)
        + pad(format(comparison.theirsTiming.nanosecondsPerOperation, 1), 13, right: true)
        + pad(format(comparison.ratio, 3), 9, right: true)
    }
    for comparison in comparisons {
      lines.append(
        row(comparison)
          + "  \(comparison.oursTiming.repetitions) x \(comparison.oursTiming.batch) / \(comparison.theirsTiming.batch)"
      )
    }
    for key in BenchmarkReport.pendingKeys { lines.append(pad(key, 28) + pad("null (a later issue)", 35, right: true)) }
    if let portfolio {
      lines.append(row(portfolio.streamRatio))
      lines.append(
        pad("batch_seconds_per_million", 28) + pad(format(portfolio.batchSecondsPerMillion, 3), 35, right: true))
      for size in portfolio.peakMemory.keys.sorted() {
        let bytes = portfolio.peakMemory[size] ?? 0
        lines.append(pad("peak_memory_bytes (\(size))", 28) + pad(String(bytes), 35, right: true))
      }
    }
    if let accountStream {
      lines.append(row(accountStream.streamRatio))
      for size in accountStream.peakMemory.keys.sorted() {
        let bytes = accountStream.peakMemory[size] ?? 0
        lines.append(pad("account_peak_memory (\(size))", 28) + pad(String(bytes), 35, right: true))
      }
    }
    lines.append("")
    for figure in allocations {
      let value = figure.perOperation.map { format($0, 2) } ?? "null (not counted on this platform)"
      lines.append(pad(figure.key, 42) + pad(value, 10, right: true) + "  " + figure.label)
    }
    lines.append("")
    for comparison in comparisons {
      lines.append("\(comparison.key): \(comparison.ours) / \(comparison.theirs)")
    }
    return lines.joined(separator: "\n")
  }

  private func number(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "null" }
    return format(value, decimals)
  }

  private func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
  }
}
