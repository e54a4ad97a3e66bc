/// A line of a cadence's body in canonical spelling: the part before the options, and for a step
/// its options (`any day`, `when …`, `unless …`, `as …`, in that order).
struct CadenceLine {
  /// A step's offset, canonically written, padded in ``printed(_:offsetWidth:)``.
  private var offset: String?
  private var code: String
  private var options: String?

  init(_ kind: CadenceItemSyntax.Kind) {
    switch kind {
    case .timeZone(let zone, _):
      code = "timezone \(SyntaxPrinter.quoted(zone))"
    case .calendar(let calendar, _):
      code = "calendar \(SyntaxPrinter.argument(calendar))"
    case .catchUp(let days, _, _):
      code = "catch up \(days) \(SyntaxPrinter.days(days))"
    case .stop(let condition, _):
      code = "stop when \(SyntaxPrinter.expression(condition))"
    case .pause(let condition, _):
      code = "pause when \(SyntaxPrinter.expression(condition))"
    case .holiday(let holiday):
      code = "holiday \(holiday.date) \(SyntaxPrinter.quoted(holiday.name))"
    case .workday(let date, _, _):
      code = "workday \(date)"
    case .limit(let limit):
      code = "limit \(limit.channel) \(limit.count) per \(limit.days) \(SyntaxPrinter.days(limit.days))"
    case .cap(let cap):
      code = (["cap", cap.kind] + cap.words.map { $0.isQuoted ? SyntaxPrinter.quoted($0.value) : $0.value })
        .joined(separator: " ")
    case .groupByInvoice:
      code = "group by invoice"
    case .include(let name, _, _):
      code = "include \(SyntaxPrinter.quoted(name))"
    case .conversationWait(let wait):
      code = SyntaxPrinter.conversationWait(days: wait.days, channel: wait.channel)
    case .window(let window):
      code = SyntaxPrinter.window(channel: window.channel, from: window.from, to: window.to, days: window.days)
    case .error(let line):
      code = line.text
    case .step(let step):
      offset = SyntaxPrinter.offset(step.offset)
      var words = step.action.keywords
      for (index, argument) in step.arguments.enumerated() {
        // `notify`'s channel is a name, never quoted. A charge's quotes mean something (a rate
        // table's name is quoted, a rate is not): they stay as written.
        if step.action == .notify && index == 0 {
          words.append(argument.value)
        } else if step.action.isCharge, argument.isQuoted {
          words.append(SyntaxPrinter.quoted(argument.value))
        } else {
          words.append(SyntaxPrinter.argument(argument.value))
        }
      }
      code = words.joined(separator: " ")
      var parts: [String] = []
      if step.anyDay != nil { parts.append("any day") }
      if !step.fallbacks.isEmpty {
        let names = step.fallbacks.map { Channel(builtIn: $0.value) == nil ? "notify \($0.value)" : $0.value }
        parts.append("fallback " + (names.count == 1 ? names[0] : "[" + names.joined(separator: ", ") + "]"))
      }
      if let when = step.when { parts.append("when \(SyntaxPrinter.expression(when))") }
      if let unless = step.unless { parts.append("unless \(SyntaxPrinter.expression(unless))") }
      if let id = step.explicitID { parts.append("as \(SyntaxPrinter.id(id.value))") }
      options = parts.isEmpty ? nil : parts.joined(separator: " ")
    }
  }

  /// The line at the body's indentation, its offset padded to `offsetWidth`.
  func printed(_ trivia: Trivia, offsetWidth: Int) -> PrintedLine {
    guard let offset else { return PrintedLine(trivia: trivia, indent: 2, prefix: code, options: nil) }
    let padding = String(repeating: " ", count: max(offsetWidth - offset.count, 0) + 1)
    return PrintedLine(trivia: trivia, indent: 2, prefix: offset + padding + code, options: options)
  }
}
