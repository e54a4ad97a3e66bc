import Regua

/// The human-readable form of a plan: a short table.
enum PlanTable {
  static func render(_ plan: ActionPlan) -> String {
    var lines: [String] = []
    let version = plan.version.map { " v\($0)" } ?? ""
    lines.append("\(plan.cadence)\(version) · invoice \(plan.invoice) · \(plan.date) · balance \(plan.balance)")
    lines.append("")
    if plan.actions.isEmpty {
      lines.append("Nothing to do today.")
    } else {
      lines.append("DO TODAY")
      lines += table(
        plan.actions.map { action in
          [
            action.step, ([action.action.rawValue] + action.arguments).joined(separator: " "),
            "scheduled \(action.scheduled)",
            action.late == 0 ? "on time" : "\(action.late) day\(action.late == 1 ? "" : "s") late",
          ]
        })
    }
    if !plan.skipped.isEmpty {
      lines.append("")
      lines.append("SKIPPED")
      lines += table(plan.skipped.map { [$0.step, $0.reason.rawValue, "scheduled \($0.scheduled)", $0.detail] })
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
