/// A validated collection cadence: the compiled form of a `cadence` declaration.
///
/// Build one by compiling a rule file (``RuleCompiler``); the engine evaluates it against an
/// invoice with ``Evaluator`` or ``evaluate(_:_:on:)``.
public struct Cadence: Sendable, Hashable {
  /// The default number of days a contact step may still fire late.
  public static let defaultCatchUpDays = 3

  /// The cadence's name (`b2b-standard`).
  public var name: String
  /// The declared version, if any.
  public var version: Int?
  /// The IANA time zone the cadence's dates are read in, if declared.
  public var timeZone: String?
  /// The business calendar that moves the cadence's dates (`BR`), by the name an
  /// ``Environment`` knows it by; `nil` for none.
  public var calendar: String?
  /// Days the cadence's `holiday` lines add to its calendar, with their names.
  public var holidays: [CivilDate: String] = [:]
  /// Days the cadence's `workday` lines make business days.
  public var workdays: Set<CivilDate> = []
  /// How many days late a contact step may still fire (`catch up N days`).
  public var catchUpDays: Int
  /// The steps, in declaration order.
  public var steps: [Step]
  /// `stop when` conditions: any one that holds stops collection.
  public var stopConditions: [Condition]
  /// `pause when` conditions: any one that holds pauses collection.
  public var pauseConditions: [Condition]
  /// Contact frequency caps.
  public var limits: [ContactLimit]
  /// When each channel may contact a customer, on the customer's wall clock (`window` lines),
  /// in declaration order; empty when contacts may go out at any hour.
  public var windows: [SendWindow] = []
  /// Ceilings on the cadence's own charges (`cap fee 2%`, `cap interest 1% per month`), at most
  /// one of each kind; a step above one does not compile.
  public var caps: [ChargeCap] = []
  /// Whether an account's contacts stay one per invoice (`group by invoice`); by default the
  /// contacts that fire on one day on one channel for one customer merge into one action.
  public var groupsByInvoice = false
  /// Cooldowns after a conversation with the customer (`after conversation wait 7 days for
  /// call`), in declaration order.
  public var conversationWaits: [ConversationWait] = []

  /// Creates a cadence. It is not checked: prefer compiling rule files.
  public init(
    name: String, version: Int? = nil, timeZone: String? = nil, calendar: String? = nil,
    catchUpDays: Int = Cadence.defaultCatchUpDays, steps: [Step] = [], stopConditions: [Condition] = [],
    pauseConditions: [Condition] = [], limits: [ContactLimit] = []
  ) {
    self.name = name
    self.version = version
    self.timeZone = timeZone
    self.calendar = calendar
    self.catchUpDays = catchUpDays
    self.steps = steps
    self.stopConditions = stopConditions
    self.pauseConditions = pauseConditions
    self.limits = limits
  }

  /// The step with an id, if any.
  public func step(withID id: String) -> Step? {
    steps.first { $0.id == id }
  }
}

extension Cadence {
  /// The host channels the cadence's `notify` steps use: the channels besides the built-in ones
  /// that an invoice's customer may prefer or opt out of.
  public var hostChannels: Set<String> {
    Set(steps.compactMap { $0.action.kind == .notify ? $0.channel : nil })
  }
}
