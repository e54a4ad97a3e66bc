/// Writes a plan as one line of the pinned JSON with the keys in a fixed order — the sorted order
/// the spec pins — straight into one string, without building a tree of values to sort first.
///
/// Byte for byte what ``ActionPlan/json`` serializes to; tested against it.
enum PlanWriter {
  static func line(_ plan: ActionPlan) -> String {
    var output = ""
    output.reserveCapacity(160 + 160 * plan.actions.count + 240 * plan.skipped.count)
    output += "{\"actions\":["
    for (index, action) in plan.actions.enumerated() {
      if index > 0 { output += "," }
      write(action, to: &output)
    }
    output += "],\"cadence\":"
    JSONValue.writeString(plan.cadence, to: &output)
    output += ",\"date\":\""
    output += plan.date.description
    output += "\",\"invoice\":"
    JSONValue.writeString(plan.invoice, to: &output)
    output += ",\"next\":"
    writeDate(plan.next, to: &output)
    output += ",\"skipped\":["
    for (index, skip) in plan.skipped.enumerated() {
      if index > 0 { output += "," }
      write(skip, to: &output)
    }
    output += "],\"version\":"
    output += plan.version.map { String($0) } ?? "null"
    output += "}"
    return output
  }

  private static func write(_ action: PlannedAction, to output: inout String) {
    output += "{\"action\":\""
    output += action.action.rawValue
    output += "\",\"args\":["
    for (index, argument) in action.arguments.enumerated() {
      if index > 0 { output += "," }
      JSONValue.writeString(argument, to: &output)
    }
    output += "],\"channel\":"
    if let channel = action.channel { JSONValue.writeString(channel.name, to: &output) } else { output += "null" }
    output += ",\"id\":"
    JSONValue.writeString(action.id, to: &output)
    output += ",\"late\":"
    output += String(action.late)
    output += ",\"scheduled\":\""
    output += action.scheduled.description
    output += "\",\"step\":"
    JSONValue.writeString(action.step, to: &output)
    output += "}"
  }

  private static func write(_ skip: SkippedStep, to output: inout String) {
    output += "{\"detail\":"
    JSONValue.writeString(skip.detail, to: &output)
    output += ",\"reason\":\""
    output += skip.reason.rawValue
    output += "\",\"retry\":"
    writeDate(skip.retry, to: &output)
    output += ",\"scheduled\":\""
    output += skip.scheduled.description
    output += "\",\"step\":"
    JSONValue.writeString(skip.step, to: &output)
    output += "}"
  }

  private static func writeDate(_ date: CivilDate?, to output: inout String) {
    guard let date else {
      output += "null"
      return
    }
    output += "\""
    output += date.description
    output += "\""
  }
}
