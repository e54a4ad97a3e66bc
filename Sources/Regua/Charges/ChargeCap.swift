/// A ceiling a cadence declares on its own charges, so that a rate above what the law or the
/// contract allows cannot be written by mistake: `cap fee 2%` (the Código de Defesa do
/// Consumidor's fine), `cap interest 1% per month`.
///
/// A charge step above its cadence's cap is a compile error (`above-cap`); an interest step
/// reading a rate table whose rate, with its margin, is above the cap on some day makes the
/// evaluator refuse to be built (``EnvironmentError/rateTableAboveCap(_:cadence:cap:period:)``).
public struct ChargeCap: Sendable, Hashable, CustomStringConvertible {
  /// What a cap limits.
  public enum Kind: String, Sendable, Hashable {
    /// Percentage fees: `fee R%` above the cap is an error (a fixed fee is capped with `max`).
    case fee
    /// Interest: a step's rate a day, whatever its period, above the cap's a day is an error.
    case interest
  }

  /// What it limits.
  public let kind: Kind
  /// The highest rate allowed.
  public let rate: Rate
  /// For interest, the period of ``rate``; `nil` for fees.
  public let period: RatePeriod?

  /// A cap on percentage fees.
  public init(fee rate: Rate) {
    kind = .fee
    self.rate = rate
    period = nil
  }

  /// A cap on interest: no step may charge more a day than `rate` per `period` does.
  public init(interest rate: Rate, per period: RatePeriod) {
    kind = .interest
    self.rate = rate
    self.period = period
  }

  /// The line that declares it: `cap fee 2%`, `cap interest 1% per month`.
  public var description: String {
    "cap \(kind.rawValue) \(rate)" + (period.map { " per \($0.rawValue)" } ?? "")
  }

  /// The cap a day, for interest, in ``DailyFactors`` parts.
  var perDay: UInt64 { DailyFactors.perDay(rate, per: period ?? .day) }

  /// Whether `charge` is within the cap: `false` for a percentage fee above a fee cap or a fixed
  /// interest rate above an interest cap a day; `true` for every other charge (a rate table is
  /// checked against its rates when an evaluator is built).
  public func allows(_ charge: Charge) -> Bool {
    switch (kind, charge) {
    case (.fee, .fee(.percent(let percent), _)): return percent <= rate
    case (.interest, .interest(.fixed(let fixed, let period))): return DailyFactors.perDay(fixed, per: period) <= perDay
    default: return true
    }
  }
}

extension ChargeCap {
  /// Reads a `cap` line's words after its kind, as the charge line it caps reads them: `2%` for
  /// `fee`, `1% per month` for `interest`.
  static func parse(_ kind: Kind, _ words: [Charge.Word]) -> Result<ChargeCap, Charge.Problem> {
    let example = kind == .fee ? "cap fee 2%" : "cap interest 1% per month"
    func problem(_ message: String, word: Int? = nil) -> Result<ChargeCap, Charge.Problem> {
      .failure(Charge.Problem(kind: .syntax, word: word, message: message, help: "write `\(example)`"))
    }
    switch Charge.parse(kind == .fee ? .fee : .interest, words) {
    case .success(.fee(.percent(let rate), nil)): return .success(ChargeCap(fee: rate))
    case .success(.fee(.fixed, _)):
      return problem("a cap on fees is a percentage; a fixed fee is capped with `max` on its line", word: 0)
    case .success(.interest(.fixed(let rate, let period))): return .success(ChargeCap(interest: rate, per: period))
    case .success(.interest(.table)): return problem("a cap is a rate, not a rate table", word: 0)
    case .success: return problem("a cap is one rate")
    case .failure(var failure):
      // The charge line's help, for the cap line.
      failure.help = failure.help.replacingOccurrences(of: "`\(kind.rawValue) ", with: "`cap \(kind.rawValue) ")
      return .failure(failure)
    case nil: return problem("a cap caps `fee` or `interest`")
    }
  }
}

extension ChargeCap {
  /// The cadence's charges so far, added up against its caps: the percentages of its fees, and
  /// what its fixed-rate interest steps cost a day together.
  struct Tally {
    private var feeMillionths: Int64 = 0
    private var interestPerDay: UInt64 = 0

    /// Adds `charge`; when the total of its kind (with earlier steps) passes a cap, that cap and a
    /// sentence saying so. A charge above a cap on its own is not reported here
    /// (``ChargeCap/allows(_:)`` says so); only a sum is.
    mutating func adding(_ charge: Charge, _ caps: [ChargeCap]) -> (ChargeCap, String)? {
      switch charge {
      case .fee(.percent(let rate), _):
        let before = feeMillionths
        feeMillionths += rate.millionthsOfPercent
        guard before > 0, let cap = caps.first(where: { $0.kind == .fee }), cap.allows(charge),
          feeMillionths > cap.rate.millionthsOfPercent
        else { return nil }
        return (
          cap,
          "`fee \(rate)` brings the cadence's percentage fees to \(Rate.text(feeMillionths)), above its `\(cap)`"
        )
      case .interest(.fixed(let rate, let period)):
        let before = interestPerDay
        let (sum, overflow) = interestPerDay.addingReportingOverflow(DailyFactors.perDay(rate, per: period))
        interestPerDay = overflow ? .max : sum
        guard before > 0, let cap = caps.first(where: { $0.kind == .interest }), cap.allows(charge),
          interestPerDay > cap.perDay
        else { return nil }
        return (
          cap, "`interest \(rate) per \(period.rawValue)` with the cadence's other interest is above its `\(cap)`"
        )
      default:
        return nil
      }
    }
  }
}
