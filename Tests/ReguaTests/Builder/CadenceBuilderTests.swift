import Foundation
import Testing

@testable import Regua

@Suite("The Swift cadence builder")
struct CadenceBuilderTests {
  @Test("a cadence built in Swift equals the same cadence parsed from its rule file")
  func equalsRuleFile() throws {
    let built = try Cadence("b2b-standard", version: 3, timeZone: "America/Sao_Paulo", calendar: "BR", catchUp: 3) {
      Window(.any, "08:00-20:00")
      Window(.call, "09:00-18:00", days: .mondayToFriday)
      Step(.issue(14), .email("check-received"))
      Step(.due(-3), .email("reminder"))
      Step(.due(0), .sms("due-today"))
      Step(.due(1), .email("overdue"))
      Step(.due(7), .whatsapp("overdue-7"))
      Step(.due(14), .call).when(.balance >= "500.00")
      Step(.due(15), .task("collections", "call-small-balance")).when(.balance < "500.00")
      Step(.due(30), .letter("registered", "formal-notice"))
      Step(.due(45), .suspend("service")).unless(.tagged("key-account"))
      Step(.due(60), .task("account-manager", "key-account-review")).when(.tagged("key-account"))
      Step(.due(90), .referToAgency("arm")).when(.balance >= "100.00")
      Step(.due(120), .writeOff)
      Pause(when: .disputed)
      Pause(when: .promised)
      Limit(.call, 1, perDays: 7)
      Limit(.any, 2, perDays: 3)
    }
    let parsed = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    #expect(built == parsed)
    #expect(built.steps.map(\.id) == parsed.steps.map(\.id))
  }

  @Test("conditions, ids and every action read the same in both forms")
  func conditionsAndActions() throws {
    let built = try Cadence("mix", catchUp: 5) {
      Step(.due(1), .notify("slack", "#ar")).as("ping")
      Step(.due(2), .call("script-b")).when(.daysOverdue >= 2 && !(.customerSegment == "vip"))
      Step(.due(3), .offer("installments", "3x")).when(.customerKind.isIn(["person", "company"]) || .promised)
      Step(.due(4), .fee("2%")).unless(.balance < .amount)
      Step(.due(5), .discount("2%", "until", "D-10")).when(.balance > "10.00 USD")
      Step(.due(6), .interest("1%", "per", "month")).when(.amount != 0)
      Step(.due(7), .legal("protest"))
      Stop(when: .balance < 5)
      Limit("slack", 1, perDays: 1)
    }
    let parsed = try Cadence(
      parsing: """
        cadence "mix"
          catch up 5 days
          D+1 notify slack "#ar" as ping
          D+2 call script-b when days-overdue >= 2 and not customer.segment == "vip"
          D+3 offer installments 3x when customer.kind in ["person", "company"] or promised
          D+4 fee 2% unless balance < amount
          D+5 discount 2% until D-10 when balance > 10.00 USD
          D+6 interest 1% per month when amount != 0
          D+7 legal protest
          stop when balance < 5
          limit slack 1 per 1 day
        """)
    #expect(built == parsed)
  }

  @Test("typed charges, charge caps and the amount fields read as their rule-file lines")
  func charges() throws {
    let (one, two, three) = (try Rate(parsing: "1%"), try Rate(parsing: "2%"), try Rate(parsing: "3%"))
    let built = try Cadence("c") {
      ChargeCap(fee: two)
      ChargeCap(interest: one, per: .month)
      Step(.due(1), .fee(two, max: "50.00")).as("multa")
      Step(.due(1), .interest(one, per: .month)).as("juros")
      Step(.due(-10), .discount(two, until: .due(-5))).as("desconto")
      Step(.due(30), .email("x")).when(.interest >= "5.00").unless(.fees >= "100.00").as("aviso")
    }
    let parsed = try Cadence(
      parsing: """
        cadence "c"
          cap fee 2%
          cap interest 1% per month
          D+1 fee 2% max 50.00 as multa
          D+1 interest 1% per month as juros
          D-10 discount 2% until D-5 as desconto
          D+30 email x when interest >= 5.00 unless fees >= 100.00 as aviso

        """)
    #expect(built == parsed)
    #expect(built.steps[0].charge == parsed.steps[0].charge)
    #expect(throws: CadenceDefinitionError.self) {
      try Cadence("c") {
        ChargeCap(fee: two)
        Step(.due(1), .fee(three)).as("multa")
      }
    }
  }

  @Test("loops and conditionals in the builder")
  func controlFlow() throws {
    let escalate = true
    let built = try Cadence("loop") {
      for day in [1, 3, 5] {
        Step(.due(day), .email("reminder-\(day)"))
      }
      if escalate {
        Step(.due(30), .referToAgency("arm"))
      } else {
        Step(.due(30), .writeOff)
      }
    }
    #expect(built.steps.map(\.id) == ["d+1-email", "d+3-email", "d+5-email", "d+30-refer-to-agency"])
  }

  @Test("a duplicate id is a thrown, readable error that suggests the fix")
  func duplicateID() {
    #expect(throws: CadenceDefinitionError.self) {
      try Cadence("dup") {
        Step(.due(1), .email("a"))
        Step(.due(1), .email("b"))
      }
    }
    do {
      _ = try Cadence("dup") {
        Step(.due(1), .email("a"))
        Step(.due(1), .email("b"))
      }
    } catch {
      #expect(
        error.description == """
          cadence `dup`: error: two steps have the id `d+1-email`
            help: give one of them its own id with `.as("d+1-email-2")`
          """)
    }
  }

  @Test("every problem is reported, as a rule file's checker would")
  func problems() {
    do {
      _ = try Cadence("bad", timeZone: "America/Sao_Pablo") {
        Step(.due(5000), .email("x"))
        Step(.issue(-2), .sms("x"))
        Step(.due(1), .call).as("First")
        Step(.due(2), .notify("email"))
        Step(.due(3), .call).when(.balance >= "12abc")
        Limit("cal", 1, perDays: 7)
      }
      Issue.record("expected an error")
    } catch {
      #expect(
        error.problems.map(\.message) == [
          "unknown time zone `America/Sao_Pablo`",
          "step `d+5000-email`: the offset is more than 3650 days from its anchor",
          "step `i-2-sms`: a step cannot be scheduled before the invoice is issued",
          "step `First`: `First` is not a valid step id",
          "step `d+2-notify`: `notify email` duplicates the built-in `email` action",
          "step `d+3-call`: `12abc` is not an amount; write \"500.00\" or \"500.00 BRL\"",
          "`limit cal 1 per 7 days`: unknown channel `cal`",
        ])
      #expect(error.problems.last?.help == "did you mean `call`?")
    }
  }

  @Test("loaders read rule files from a URL or a string, and report errors with the file's name")
  func loaders() throws {
    let url = packageRoot.appendingPathComponent("Rules/consumer.regua")
    let loaded = try Cadence(contentsOf: url)
    #expect(loaded == (try Cadence(parsing: String(contentsOf: url, encoding: .utf8))))
    #expect(loaded.name == "consumer")
    do {
      _ = try Cadence(parsing: "cadence \"x\"\n  D+1 emial y\n", path: "inline.regua")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("inline.regua:2:7: error: unknown action `emial`"))
    }
    #expect(throws: CompilationError.self) { try Cadence(parsing: "cadence \"a\"\ncadence \"b\"\n") }
  }
}
