/// What to do for one invoice on one date: the engine's output.
public struct ActionPlan: Sendable, Hashable {
  /// The cadence's name.
  public var cadence: String
  /// The cadence's version, if declared.
  public var version: Int?
  /// The invoice's id.
  public var invoice: String
  /// The evaluation date.
  public var date: CivilDate
  /// The actions to execute today, ordered by scheduled date, then declaration order.
  public var actions: [PlannedAction]
  /// The steps due by today that do not fire, each with the first reason that applies.
  public var skipped: [SkippedStep]
  /// The earliest later date on which an evaluation yields an action, assuming today's actions
  /// are executed and nothing else changes; `nil` when there is none.
  public var next: CivilDate?
  /// What is owed at the end of the evaluation date, component by component, counting the
  /// charges this plan's actions make (``AmountsOwed/total`` is the `balance` conditions
  /// compare).
  public var balance: AmountsOwed

  /// Creates a plan.
  public init(
    cadence: String, version: Int?, invoice: String, date: CivilDate, actions: [PlannedAction], skipped: [SkippedStep],
    next: CivilDate?, balance: AmountsOwed
  ) {
    self.cadence = cadence
    self.version = version
    self.invoice = invoice
    self.date = date
    self.actions = actions
    self.skipped = skipped
    self.next = next
    self.balance = balance
  }
}

/// One action to execute.
public struct PlannedAction: Sendable, Hashable {
  /// `<invoice id>/<step id>`: stable across runs, usable as an idempotency key.
  public var id: String {
    get {
      switch identity {
      case .invoiceStep(let invoice): return invoice + "/" + step
      case .given(let id): return id
      }
    }
    set { identity = .given(newValue) }
  }
  /// How ``id`` is made: built from the invoice and the step only when read.
  private var identity: Identity
  /// The step's id, to record in the history once executed.
  public var step: String
  /// What to do.
  public var action: ActionKind
  /// The step's arguments as written.
  public var arguments: [String]
  /// The contact channel, or `nil` for non-contact actions: the same type as a customer's
  /// opt-outs and preferences (`if let channel = action.channel, customer.optOuts.contains(channel)`).
  public var channel: Channel?
  /// The date the step was scheduled for.
  public var scheduled: CivilDate
  /// How many days after its scheduled date the action fires (0 when on time).
  public var late: Int
  /// For a contact, when it may go out on the plan's date: the channel's first opening that
  /// day, in UTC, from the customer's time zone (else the cadence's, else UTC); `nil` when no
  /// `window` restricts the channel, and for non-contact actions.
  public var window: Range<Instant>?
  /// In an account plan, the invoice of an action that concerns one (a non-contact step, or
  /// any step under `group by invoice`); `nil` in an invoice's plan and for merged contacts.
  public var invoice: String? {
    get { accountPart?.invoice }
    set { changeAccountPart { $0.invoice = newValue } }
  }
  /// In an account plan, for a merged contact: the ids of the invoices it covers, sorted.
  public var invoices: [String] {
    get { accountPart?.invoices ?? [] }
    set { changeAccountPart { $0.invoices = newValue } }
  }
  /// In an account plan, for a merged contact: every invoice and step it covers, the entries
  /// the host records in the histories once it is sent, sorted by invoice id.
  public var covers: [CoveredStep] {
    get { accountPart?.covers ?? [] }
    set { changeAccountPart { $0.covers = newValue } }
  }
  /// In an account plan: how much the action is worth working first — the amounts at stake of
  /// the invoices it concerns, in whole currency units, times their days overdue, summed;
  /// `nil` in an invoice's plan.
  public var priority: Int? {
    get { accountPart?.priority }
    set { changeAccountPart { $0.priority = newValue } }
  }
  /// What an account's plan adds, boxed: an invoice's plan carries one empty word, so its
  /// actions stay as small and cheap to copy as before accounts.
  private var extras = Extras.none

  /// What an account's plan adds to an action.
  private struct AccountPart: Sendable, Hashable {
    var invoice: String?
    var invoices: [String] = []
    var covers: [CoveredStep] = []
    var priority: Int?
  }

  private indirect enum Extras: Sendable, Hashable {
    case none
    case account(AccountPart)
  }

  private var accountPart: AccountPart? {
    if case .account(let part) = extras { return part }
    return nil
  }

  private mutating func changeAccountPart(_ change: (inout AccountPart) -> Void) {
    var part = accountPart ?? AccountPart()
    change(&part)
    extras = part == AccountPart() ? .none : .account(part)
  }

  private enum Identity: Sendable, Hashable {
    case invoiceStep(String)
    case given(String)
  }

  /// Creates a planned action.
  public init(
    id: String, step: String, action: ActionKind, arguments: [String], channel: Channel?, scheduled: CivilDate,
    late: Int, window: Range<Instant>? = nil
  ) {
    self.init(
      identity: .given(id), step: step, action: action, arguments: arguments, channel: channel, scheduled: scheduled,
      late: late, window: window)
  }

  /// Creates the action of an invoice's step; its id is `<invoice>/<step>`.
  init(
    invoice: String, step: String, action: ActionKind, arguments: [String], channel: Channel?, scheduled: CivilDate,
    late: Int, window: Range<Instant>?
  ) {
    self.init(
      identity: .invoiceStep(invoice), step: step, action: action, arguments: arguments, channel: channel,
      scheduled: scheduled, late: late, window: window)
  }

  private init(
    identity: Identity, step: String, action: ActionKind, arguments: [String], channel: Channel?, scheduled: CivilDate,
    late: Int, window: Range<Instant>?
  ) {
    self.identity = identity
    self.step = step
    self.action = action
    self.arguments = arguments
    self.channel = channel
    self.scheduled = scheduled
    self.late = late
    self.window = window
  }

  /// Actions are equal when every field, ``id`` included, is.
  public static func == (lhs: PlannedAction, rhs: PlannedAction) -> Bool {
    (lhs.step, lhs.action, lhs.arguments, lhs.channel, lhs.scheduled, lhs.late)
      == (rhs.step, rhs.action, rhs.arguments, rhs.channel, rhs.scheduled, rhs.late) && lhs.window == rhs.window
      && lhs.id == rhs.id && lhs.extras == rhs.extras
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(step)
    hasher.combine(action)
    hasher.combine(arguments)
    hasher.combine(channel)
    hasher.combine(scheduled)
    hasher.combine(late)
    hasher.combine(window)
    hasher.combine(extras)
  }
}

/// One invoice's step that a merged contact covers: what the host records in that invoice's
/// history (`{"step": step, "date": <the plan's date>}`) once the contact is sent.
public struct CoveredStep: Sendable, Hashable {
  /// The invoice's id.
  public var invoice: String
  /// The step's id (its occurrence's id, for steps that come due several times).
  public var step: String

  /// Creates a covered step.
  public init(invoice: String, step: String) {
    self.invoice = invoice
    self.step = step
  }
}

/// A step that was due but does not fire.
public struct SkippedStep: Sendable, Hashable {
  /// The step's id (its occurrence's id, for steps that come due several times).
  public var step: String
  /// The date it was scheduled for.
  public var scheduled: CivilDate
  /// Why it does not fire: the first reason that applies.
  public var reason: SkipReason
  /// The reason as data, put into words by ``detail``.
  public var explanation: SkipDetail
  /// The step's offset, when the skip comes from a cadence.
  public var offset: Offset?
  /// The step's action, when the skip comes from a cadence.
  public var action: ActionKind?
  /// For `limited` and `window` steps: the first later date the limits allow it, or its
  /// window opens, if it can still fire then.
  public var retry: CivilDate?
  /// In an account plan, the invoice whose step it is; `nil` in an invoice's plan.
  public var invoice: String?

  /// Creates a skipped step explained by a sentence given as is.
  public init(step: String, scheduled: CivilDate, reason: SkipReason, detail: String, retry: CivilDate? = nil) {
    self.init(step: step, scheduled: scheduled, reason: reason, explanation: .text(detail), retry: retry)
  }

  /// Creates a skipped step explained by data.
  public init(
    step: String, scheduled: CivilDate, reason: SkipReason, explanation: SkipDetail, offset: Offset? = nil,
    action: ActionKind? = nil, retry: CivilDate? = nil
  ) {
    self.step = step
    self.scheduled = scheduled
    self.reason = reason
    self.explanation = explanation
    self.offset = offset
    self.action = action
    self.retry = retry
  }

  /// The reason as a sentence for a collections clerk: "The D+14 call is skipped because
  /// `balance >= 500.00` does not hold (balance is 300.00 BRL)."
  ///
  /// Input text the sentence quotes has its control characters and bidirectional overrides
  /// escaped (``SafeText/escaped(_:)``), here and in JSON alike: it is text for people.
  public var detail: String {
    let what =
      if let offset, let action { "The \(offset) \(action.keywords.joined(separator: " "))" } else { "The step" }
    return explanation.sentence(subject: what, scheduled: scheduled)
  }
}

extension ActionPlan: CustomStringConvertible {
  /// The plan in a line: `INV-1001 on 2026-03-24: 1 action, 2 skipped, next 2026-04-09`.
  public var description: String {
    "\(SafeText.escaped(invoice)) on \(date): \(Plural.count(actions.count, "action")), \(skipped.count) skipped, "
      + "next \(next?.description ?? "none")"
  }
}

extension PlannedAction: CustomStringConvertible {
  /// The action in a line: `INV-1001/d+30-letter: letter registered formal-notice (scheduled
  /// 2026-04-09, 2 days late)`.
  public var description: String {
    let words = (action.keywords + arguments).map(SafeText.escaped).joined(separator: " ")
    let timing = late == 0 ? "on time" : "\(Plural.count(late, "day")) late"
    return "\(SafeText.escaped(id)): \(words) (scheduled \(scheduled), \(timing))"
  }
}

extension SkippedStep: CustomStringConvertible {
  /// The skip in a line: `d+14-call skipped (condition): The D+14 call is skipped because …`.
  public var description: String {
    "\(SafeText.escaped(step)) skipped (\(reason.rawValue)): \(detail)"
  }
}
