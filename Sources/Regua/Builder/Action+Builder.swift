extension Action {
  /// `email` with its arguments: `.email("reminder")`.
  public static func email(_ arguments: String...) -> Action { Action(.email, arguments: arguments) }
  /// `sms` with its arguments.
  public static func sms(_ arguments: String...) -> Action { Action(.sms, arguments: arguments) }
  /// `whatsapp` with its arguments.
  public static func whatsapp(_ arguments: String...) -> Action { Action(.whatsapp, arguments: arguments) }
  /// `call` without arguments.
  public static var call: Action { Action(.call) }
  /// `call` with arguments: `.call("script-a")`.
  public static func call(_ first: String, _ rest: String...) -> Action { Action(.call, arguments: [first] + rest) }
  /// `letter` with its arguments: `.letter("registered", "formal-notice")`.
  public static func letter(_ arguments: String...) -> Action { Action(.letter, arguments: arguments) }
  /// `notify <channel>` with further arguments: `.notify("slack", "#collections")`.
  public static func notify(_ channel: String, _ arguments: String...) -> Action {
    Action(.notify, arguments: [channel] + arguments)
  }
  /// `task` with its arguments: `.task("collections", "call-small-balance")`.
  public static func task(_ arguments: String...) -> Action { Action(.task, arguments: arguments) }
  /// `fee` with its words as a rule file writes them: `.fee("2%", "max", "50.00")`, `.fee("40.00", "EUR")`.
  public static func fee(_ arguments: String...) -> Action { Action(.fee, arguments: arguments) }
  /// `fee R% [max AMOUNT]`, typed: `.fee(try Rate(parsing: "2%"), max: "50.00")`.
  public static func fee(_ rate: Rate, max maximum: String? = nil) -> Action {
    Action(.fee, arguments: ["\(rate)"] + (maximum.map { ["max", $0] } ?? []))
  }
  /// `interest` with its words as a rule file writes them: `.interest("1%", "per", "month")`.
  public static func interest(_ arguments: String...) -> Action { Action(.interest, arguments: arguments) }
  /// `interest R% per PERIOD`, typed: `.interest(try Rate(parsing: "1%"), per: .month)`.
  public static func interest(_ rate: Rate, per period: RatePeriod) -> Action {
    Action(.interest, arguments: ["\(rate)", "per", period.rawValue])
  }
  /// `discount` with its words as a rule file writes them: `.discount("2%", "until", "D-10")`.
  public static func discount(_ arguments: String...) -> Action { Action(.discount, arguments: arguments) }
  /// `discount R% until OFFSET`, typed: `.discount(try Rate(parsing: "2%"), until: .due(-10))`.
  public static func discount(_ rate: Rate, until last: Offset) -> Action {
    Action(.discount, arguments: ["\(rate)", "until", "\(last)"])
  }
  /// `offer` with its arguments: `.offer("installments", "3x")`.
  public static func offer(_ arguments: String...) -> Action { Action(.offer, arguments: arguments) }
  /// `suspend` with its arguments: `.suspend("service")`.
  public static func suspend(_ arguments: String...) -> Action { Action(.suspend, arguments: arguments) }
  /// `refer to agency` with its arguments: `.referToAgency("arm")`.
  public static func referToAgency(_ arguments: String...) -> Action { Action(.referToAgency, arguments: arguments) }
  /// `legal` with its arguments.
  public static func legal(_ arguments: String...) -> Action { Action(.legal, arguments: arguments) }
  /// `write off`.
  public static var writeOff: Action { Action(.writeOff) }
}
