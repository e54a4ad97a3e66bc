import Regua

/// The human-readable form of a plan: a short table.
///
/// Every piece of input text — the cadence's name, the invoice id, step ids, arguments, details —
/// is escaped with ``SafeText``: an id with `ESC` or a newline cannot drive the terminal or forge
/// a line of the table.
enum PlanTable {
  static func render(_ plan: ActionPlan) -> String {
    var lines: [String] = []
    let version = plan.version.map { " v\($0)" } ?? ""
    let cadence = SafeText.escaped(plan.cadence)
    let invoice = SafeText.escaped(plan.invoice)
    lines.append("\(cadence)\(version) · invoice \(invoice) · \(plan.date) · balance \(plan.balance)")
    lines.append("")
    if plan.actions.isEmpty {
      lines.append("Nothing to do today.")
    } else {
      lines.append("DO TODAY")
      lines += table(
        plan.actions.map { action in
          [
            SafeText.escaped(action.step),
            SafeText.escaped(([action.action.rawValue] + action.arguments).joined(separator: " ")),
            "scheduled \(action.scheduled)",
            action.late == 0 ? "on time" : "\(action.late) day\(action.late == 1 ? "" : "s") late",
          ]
        })
    }
    if !plan.skipped.isEmpty {
      lines.append("")
      lines.append("SKIPPED")
      lines += table(
        plan.skipped.map {
          [SafeText.escaped($0.step), $0.reason.rawValue, "scheduled \($0.scheduled)", SafeText.escaped($0.detail)]
        })
    }
    lines.append("")
    lines.append("Next: " + (plan.next.map { "\($0)" } ?? "nothing more is planned"))
    return lines.joined(separator: "\n")
  }

  /// Columns padded to their widest cell; the last column is not padded.
  private static func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.first?.count else { return [] }
    let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      "  "
        + row.enumerated().map { index, cell in
          index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
        }.joined(separator: "  ")
    }
  }
}
