import AllocationCounter
import BenchmarkSupport
import Foundation
import Regua

/// Measure (e): heap allocations per operation, counted in-process by the `AllocationCounter`
/// target (which defines `malloc` and friends on glibc, forwarding to glibc's own allocator).
enum AllocationMeasure {
  /// Whether this build counts allocations.
  static var isAvailable: Bool { regua_allocation_counting_available() }

  /// Allocations so far in the process.
  static var count: UInt64 { regua_allocation_count() }

  /// The mean allocations of one `body(input)` over `inputs`, after one warm-up pass; `nil` where
  /// counting is unavailable.
  static func perOperation<Input>(_ inputs: [Input], _ body: (Input) -> Void) -> Double? {
    guard isAvailable, !inputs.isEmpty else { return nil }
    for input in inputs { body(input) }
    let before = count
    for input in inputs { body(input) }
    return Double(count - before) / Double(inputs.count)
  }

  static func figures(_ cases: [EvaluationCase], evaluator: Evaluator) -> [AllocationFigure] {
    [
      AllocationFigure(
        key: "allocations_per_evaluation", label: "Evaluator.plan(for:on:) with next",
        perOperation: perOperation(cases) { blackHole(try? evaluator.plan(for: $0.invoice, on: $0.date)) }),
      AllocationFigure(
        key: "allocations_per_evaluation_handwritten", label: "the hand-written baseline",
        perOperation: perOperation(cases) { blackHole(HandwrittenB2B.plan(for: $0.invoice, on: $0.date)) }),
      AllocationFigure(
        key: "allocations_per_read", label: "Invoice(json:)",
        perOperation: perOperation(cases) { blackHole(try? Invoice(json: $0.json)) }),
      AllocationFigure(
        key: "allocations_per_read_jsondecoder", label: "JSONDecoder().decode(PlainInvoice.self)",
        perOperation: perOperation(cases) { blackHole(try? JSONDecoder().decode(PlainInvoice.self, from: $0.json)) }),
    ]
  }

  /// Evaluates `count` times, cycling through `cases`, and prints how many allocations the
  /// counter saw: run it under `valgrind --tool=dhat` at two counts and compare the difference
  /// in dhat's total blocks with the difference printed here.
  /// Evaluates `evaluations` accounts (cycling through `accounts`) and prints the allocations.
  static func probe(_ accounts: [AccountCase], evaluator: Evaluator, count evaluations: Int) {
    let before = count
    for index in 0..<evaluations {
      let input = accounts[index % accounts.count]
      blackHole(try? evaluator.plan(for: input.account, on: input.date))
    }
    let counted = count - before
    print(
      "account: \(evaluations) evaluations, \(counted) allocations counted, \(Double(counted) / Double(evaluations)) each"
    )
  }

  static func probe(_ cases: [EvaluationCase], evaluator: Evaluator, handwritten: Bool, count evaluations: Int) {
    let before = count
    for index in 0..<evaluations {
      let input = cases[index % cases.count]
      if handwritten {
        blackHole(HandwrittenB2B.plan(for: input.invoice, on: input.date))
      } else {
        blackHole(try? evaluator.plan(for: input.invoice, on: input.date))
      }
    }
    let counted = count - before
    let mean = Double(counted) / Double(evaluations)
    print(
      "\(handwritten ? "handwritten" : "engine"): \(evaluations) evaluations, \(counted) allocations counted, \(mean) each"
    )
  }
}
