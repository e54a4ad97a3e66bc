/// Why a step is skipped, as data. ``SkippedStep/detail`` puts it into a sentence for a
/// collections clerk only when asked, so an evaluation builds no text it does not need.
public enum SkipDetail: Sendable, Hashable {
  /// A contact `late` days late, more than the cadence's catch-up allows.
  case missed(late: Int, catchUpDays: Int)
  /// Collection has stopped.
  case stopped(StopCause)
  /// A `pause when` holds; `promisedBy` is the promise's date, when there is one.
  case paused(Condition, promisedBy: CivilDate?)
  /// The step's `when` does not hold (or its `unless` does), with the values it read and, for an
  /// `unless`, the step's `when` (which held), whose notes the sentence also gives.
  ///
  /// Boxed: it is the largest case, and a plan moves its skips around by value.
  indirect case condition(Condition, unlessHolds: Bool, values: FieldValues, when: Condition?)
  /// The contact's channel does not open on `day` (a weekday its `window` lines leave out):
  /// `windows` are the ones that apply to it; `retry` is the next day it opens, if the step can
  /// still go then.
  case window(channel: String, day: CivilDate, windows: [SendWindow], retry: CivilDate?, catchUpDays: Int)
  /// The customer opted out of the contact's channel.
  case optedOut(channel: String)
  /// A newer contact on the same channel was sent (`executed`) or goes out today.
  case superseded(by: String, channel: String, scheduled: CivilDate, executed: Bool)
  /// A limit is used up on `day`; `retry` is when it has room, if the step can still go then.
  case limited(ContactLimit, day: CivilDate, retry: CivilDate?, catchUpDays: Int)
  /// A cooldown after a conversation on `conversation` holds the contact on `day`; `retry` is
  /// when it may go, if the step can still go then. Its reason is `limited`.
  case conversation(ConversationWait, conversation: CivilDate, day: CivilDate, retry: CivilDate?, catchUpDays: Int)
  /// A sentence given as is.
  case text(String)
}

/// Why collection has stopped.
public enum StopCause: Sendable, Hashable, CustomStringConvertible {
  /// The balance is zero.
  case paid
  /// The invoice's status is `cancelled`.
  case cancelled
  /// The invoice's status is `written-off`.
  case writtenOffStatus
  /// A `write off` step is in the history, first on this day.
  case writeOffStep(CivilDate)
  /// A `stop when` condition holds.
  case rule(Condition)

  /// Whether the stop lasts whatever happens later (no condition can lift it). Being paid
  /// lasts unless a charge step recorded in the history on a later day makes the invoice owe
  /// again; the engine looks for that day when the cadence has charges.
  public var isPermanent: Bool {
    if case .rule = self { return false }
    return true
  }

  /// The cause in words, unescaped: "the invoice is paid in full", "collection stops when
  /// `balance < 5.00`, and it holds".
  public var description: String {
    switch self {
    case .paid: return "the invoice is paid in full"
    case .cancelled: return "the invoice is cancelled"
    case .writtenOffStatus: return "the invoice is written off"
    case .writeOffStep(let day): return "the invoice was written off on \(day)"
    case .rule(let condition): return "collection stops when `\(condition.quotedInSentence)`, and it holds"
    }
  }
}

extension SkipDetail {
  /// The sentence for a collections clerk; `what` names the step ("The D+14 call"), scheduled
  /// on `scheduled`.
  ///
  /// The sentence quotes input text — conditions and their strings, the customer's values, step
  /// ids and channels from the history — and is written for people wherever it goes, `--json`
  /// included: every control character and bidirectional override in it is escaped with
  /// ``SafeText/escaped(_:)``, so `detail` can be shown as is. The sentence's own words never
  /// need escaping, so text without such characters is unchanged.
  func sentence(subject what: String, scheduled: CivilDate) -> String {
    SafeText.escaped(unescapedSentence(subject: what, scheduled: scheduled))
  }

  private func unescapedSentence(subject what: String, scheduled: CivilDate) -> String {
    switch self {
    case .missed(let late, let catchUp):
      return "\(what) was due on \(scheduled) and is now \(Plural.count(late, "day")) late; contacts go out at most "
        + "\(Plural.count(catchUp, "day")) late, so it will not be sent."
    case .stopped(let cause):
      return "\(what) is not done: \(cause)."
    case .paused(let condition, let promisedBy):
      switch condition.expression {
      case .field(.disputed): return "\(what) is on hold: the invoice is disputed."
      case .field(.promised):
        return "\(what) is on hold: the customer promised to pay\(promisedBy.map { " by \($0)" } ?? "")."
      default: return "\(what) is on hold: collection pauses when `\(condition.quotedInSentence)`, and it holds."
      }
    case .condition(let condition, let unlessHolds, let values, let when):
      var notes: [String] = []
      if unlessHolds, let when { _ = when.holds(for: values, notes: &notes) }
      _ = condition.holds(for: values, notes: &notes)
      let fields = condition.fields.map { "\($0.rawValue) is \(values.describe($0))" }
      var sentence =
        unlessHolds
        ? "\(what) is skipped because `\(condition)` holds" : "\(what) is skipped because `\(condition)` does not hold"
      if !fields.isEmpty { sentence += " (" + fields.joined(separator: ", ") + ")" }
      sentence += "."
      for note in notes { sentence += " Note: " + note + "." }
      return sentence
    case .window(let channel, let day, let windows, let retry, let catchUp):
      let hours = windows.map { "`\($0)`" }.joined(separator: ", ")
      var sentence =
        "\(what) is not sent on \(day), a \(day.weekday.name): the `\(channel)` channel's window "
        + "(\(hours), on the customer's clock) does not open that day."
      if let retry {
        sentence += " It can go on \(retry)."
      } else {
        sentence +=
          " By the time the window opens, it is more than \(Plural.count(catchUp, "day")) late, so it will not be sent."
      }
      return sentence
    case .optedOut(let channel):
      return "\(what) is not sent: the customer opted out of the `\(channel)` channel."
    case .superseded(let newer, let channel, let scheduled, let executed):
      return "\(what) is not sent because a newer \(channel) message, `\(newer)` (scheduled \(scheduled)), "
        + (executed ? "was already sent." : "goes out today instead.")
    case .conversation(let wait, let conversation, let day, let retry, let catchUp):
      let held = wait.channel.map { "`\($0)` contacts" } ?? "contacts"
      var sentence =
        "\(what) is held back by `\(wait)`: the customer had a conversation on \(conversation), and \(held) wait "
        + "\(Plural.count(wait.days, "day")) from it; \(day) is within them."
      if let retry {
        sentence += " It can go on \(retry)."
      } else {
        sentence += " By then it is more than \(Plural.count(catchUp, "day")) late, so it will not be sent."
      }
      return sentence
    case .limited(let limit, let day, let retry, let catchUp):
      let noun = limit.count == 1 ? "contact" : "contacts"
      let scope = limit.channel.map { "`\($0)` \(noun)" } ?? noun
      var sentence =
        "\(what) is held back by `\(limit)`: it allows \(limit.count) \(scope) in any \(Plural.count(limit.days, "day")), "
        + "and \(limit.count == 1 ? "that one is" : "that many are") already used up to \(day)."
      if let retry {
        sentence += " It can go on \(retry)."
      } else {
        sentence +=
          " By the time the limit allows it, it is more than \(Plural.count(catchUp, "day")) late, so it will not be sent."
      }
      return sentence
    case .text(let text):
      return text
    }
  }
}

extension Condition {
  /// The most characters of a `stop when` or `pause when` condition a skip's sentence quotes.
  static let quotedCharacters = 160

  /// The condition as a sentence quotes it: whole when short, else its first
  /// ``quotedCharacters`` characters and `…`.
  ///
  /// A stop or pause rule holds back every step of a plan, and each step's sentence names it:
  /// quoted whole, a 4 KiB condition would make a plan's output grow with steps × condition, not
  /// with the rule file (`Documentation/Performance.md`, "What each command costs"). A step's
  /// own `when` is quoted whole in its own sentence, once per step.
  var quotedInSentence: String {
    let text = description
    guard text.count > Condition.quotedCharacters else { return text }
    return String(text.prefix(Condition.quotedCharacters - 1)) + "…"
  }
}
