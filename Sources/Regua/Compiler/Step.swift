/// One step of a cadence: when, what, and under which conditions.
public struct Step: Sendable, Hashable, Identifiable {
  /// The step's id: explicit (`as`), or the canonical offset and action keywords (`d+14-call`).
  public var id: String
  /// When the step is scheduled.
  public var offset: Offset
  /// What it does.
  public var action: Action
  /// The step fires only when this holds (`when`).
  public var when: Condition?
  /// The step does not fire when this holds (`unless`).
  public var unless: Condition?
  /// Whether the step keeps its own day when that is not a business day (`any day`), instead of
  /// moving to the next business day.
  public var anyDay: Bool
  /// The channels a contact goes out on instead of its own when the customer opted out of it
  /// (`fallback whatsapp, email`), in order; the customer's preferred channels may choose among
  /// its own and these. Empty for most steps; only contact steps may have them.
  public var fallbacks: [Channel]
  /// What a `fee`, `interest` or `discount` step charges, read from its arguments when the
  /// cadence is checked (`fee 2% max 50.00`); `nil` for other actions.
  public internal(set) var charge: Charge?

  /// Creates a step; without an explicit id, the default id is used.
  public init(
    id: String? = nil, offset: Offset, action: Action, when: Condition? = nil, unless: Condition? = nil,
    anyDay: Bool = false, fallbacks: [Channel] = []
  ) {
    self.id = id ?? Step.defaultID(offset: offset, action: action.kind)
    self.offset = offset
    self.action = action
    self.when = when
    self.unless = unless
    self.anyDay = anyDay
    self.fallbacks = fallbacks
  }

  /// The id a step gets without `as`: `D+14 call` → `d+14-call`, `D+5 business days call` →
  /// `d+5bd-call`; arguments are not part of it.
  public static func defaultID(offset: Offset, action: ActionKind) -> String {
    offset.idPrefix + "-" + action.rawValue
  }

  /// Whether `text` is a valid explicit id: `[a-z0-9][a-z0-9_.+-]*`.
  public static func isValidID(_ text: String) -> Bool {
    guard let first = text.utf8.first, first.isIDByte, first != UInt8(ascii: "_"), first != UInt8(ascii: "."),
      first != UInt8(ascii: "+"), first != UInt8(ascii: "-")
    else { return false }
    return text.utf8.allSatisfy(\.isIDByte)
  }

  /// Whether the id differs from the default one (it was set with `as`).
  var hasExplicitID: Bool { id != Step.defaultID(offset: offset, action: action.kind) }

  /// The contact channel, or `nil` for non-contact actions.
  public var channel: String? { action.channel }
}

extension UInt8 {
  fileprivate var isIDByte: Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || self == UInt8(ascii: "_") || self == UInt8(ascii: ".") || self == UInt8(ascii: "+")
      || self == UInt8(ascii: "-")
  }
}

extension StepSyntax {
  /// The id the step line compiles to: its `as` id, or the default one.
  var id: String {
    explicitID?.value ?? Step.defaultID(offset: offset.offset, action: action)
  }
}
