/**
 * Deterministic Raft simulator, fault schedules and a linearizability checker.
 * @packageDocumentation
 */
export { Prng, deriveSeed } from './rng.js';
export { HistoryRecorder, HistoryError, type Operation } from './history.js';
export { checkLinearizability, type Model, type StepResult, type HistoryPartition, type CheckOptions, type LinearizabilityResult } from './linearizability.js';
export {
  kvModel,
  KvStateMachine,
  KvDecodeError,
  encodeKvCommand,
  decodeKvCommand,
  type KvInput,
  type KvOutput,
  type KvCommand,
  type KvWrite,
  type KvGet,
} from './kv.js';
export { VirtualNetwork, PERFECT_LINK, NetworkConfigError, type LinkConditions, type SendOutcome, type NetworkObserver } from './network.js';
export {
  FAULT_KINDS,
  FaultKindError,
  parseFaultKinds,
  generateFaultSchedule,
  describeFault,
  type FaultKind,
  type FaultEvent,
  type ScheduleOptions,
} from './faults.js';
export { SafetyChecker, SafetyViolation, type ViolationKind } from './checks.js';
export { TraceRing, type TraceEvent } from './trace.js';
export {
  runSimulation,
  Simulation,
  SimulationConfigError,
  defaultLivenessBound,
  type SimulationOptions,
  type SimulationResult,
  type SimulationFailure,
  type SimulationStats,
  type InjectedBug,
} from './simulator.js';
export { runSeedRange, type SweepSummary, type SweepFailure } from './sweep.js';
export { runElectionExperiment, type ElectionExperimentOptions, type ElectionDistribution } from './election.js';
