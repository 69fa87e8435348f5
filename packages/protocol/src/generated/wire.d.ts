import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace raftfleet. */
export namespace raftfleet {

    /** Namespace raft. */
    namespace raft {

        /** EntryType enum. */
        enum EntryType {

            /** ENTRY_TYPE_NORMAL value */
            ENTRY_TYPE_NORMAL = 0,

            /** ENTRY_TYPE_CONF_CHANGE value */
            ENTRY_TYPE_CONF_CHANGE = 1,

            /** ENTRY_TYPE_NOOP value */
            ENTRY_TYPE_NOOP = 2
        }

        /**
         * Properties of an Entry.
         * @deprecated Use raftfleet.raft.Entry.$Properties instead.
         */
        interface IEntry extends raftfleet.raft.Entry.$Properties {
        }

        /** Represents an Entry. */
        class Entry {

            /**
             * Constructs a new Entry.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Entry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Entry term. */
            term: (number|Long);

            /** Entry index. */
            index: (number|Long);

            /** Entry type. */
            type: raftfleet.raft.EntryType;

            /** Entry data. */
            data: Uint8Array;

            /**
             * Creates a new Entry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Entry instance
             */
            static create(properties: raftfleet.raft.Entry.$Shape): raftfleet.raft.Entry & raftfleet.raft.Entry.$Shape;
            static create(properties?: raftfleet.raft.Entry.$Properties): raftfleet.raft.Entry;

            /**
             * Encodes the specified Entry message. Does not implicitly {@link raftfleet.raft.Entry.verify|verify} messages.
             * @param message Entry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Entry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Entry & raftfleet.raft.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Entry & raftfleet.raft.Entry.$Shape;
        }

        namespace Entry {

            /** Properties of an Entry. */
            interface $Properties {

                /** Entry term */
                term?: (number|Long|null);

                /** Entry index */
                index?: (number|Long|null);

                /** Entry type */
                type?: (raftfleet.raft.EntryType|null);

                /** Entry data */
                data?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Entry. */
            type $Shape = raftfleet.raft.Entry.$Properties;
        }

        /**
         * Properties of a HardState.
         * @deprecated Use raftfleet.raft.HardState.$Properties instead.
         */
        interface IHardState extends raftfleet.raft.HardState.$Properties {
        }

        /** Represents a HardState. */
        class HardState {

            /**
             * Constructs a new HardState.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.HardState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HardState term. */
            term: (number|Long);

            /** HardState vote. */
            vote: string;

            /** HardState commit. */
            commit: (number|Long);

            /**
             * Creates a new HardState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HardState instance
             */
            static create(properties: raftfleet.raft.HardState.$Shape): raftfleet.raft.HardState & raftfleet.raft.HardState.$Shape;
            static create(properties?: raftfleet.raft.HardState.$Properties): raftfleet.raft.HardState;

            /**
             * Encodes the specified HardState message. Does not implicitly {@link raftfleet.raft.HardState.verify|verify} messages.
             * @param message HardState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.HardState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HardState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.HardState & raftfleet.raft.HardState.$Shape} HardState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.HardState & raftfleet.raft.HardState.$Shape;
        }

        namespace HardState {

            /** Properties of a HardState. */
            interface $Properties {

                /** HardState term */
                term?: (number|Long|null);

                /** HardState vote */
                vote?: (string|null);

                /** HardState commit */
                commit?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HardState. */
            type $Shape = raftfleet.raft.HardState.$Properties;
        }

        /**
         * Properties of a ConfState.
         * @deprecated Use raftfleet.raft.ConfState.$Properties instead.
         */
        interface IConfState extends raftfleet.raft.ConfState.$Properties {
        }

        /** Represents a ConfState. */
        class ConfState {

            /**
             * Constructs a new ConfState.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.ConfState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConfState voters. */
            voters: string[];

            /** ConfState learners. */
            learners: string[];

            /**
             * Creates a new ConfState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConfState instance
             */
            static create(properties: raftfleet.raft.ConfState.$Shape): raftfleet.raft.ConfState & raftfleet.raft.ConfState.$Shape;
            static create(properties?: raftfleet.raft.ConfState.$Properties): raftfleet.raft.ConfState;

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link raftfleet.raft.ConfState.verify|verify} messages.
             * @param message ConfState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.ConfState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.ConfState & raftfleet.raft.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.ConfState & raftfleet.raft.ConfState.$Shape;
        }

        namespace ConfState {

            /** Properties of a ConfState. */
            interface $Properties {

                /** ConfState voters */
                voters?: (string[]|null);

                /** ConfState learners */
                learners?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConfState. */
            type $Shape = raftfleet.raft.ConfState.$Properties;
        }

        /** ConfChangeType enum. */
        enum ConfChangeType {

            /** CONF_CHANGE_TYPE_UNSPECIFIED value */
            CONF_CHANGE_TYPE_UNSPECIFIED = 0,

            /** CONF_CHANGE_TYPE_ADD_LEARNER value */
            CONF_CHANGE_TYPE_ADD_LEARNER = 1,

            /** CONF_CHANGE_TYPE_PROMOTE value */
            CONF_CHANGE_TYPE_PROMOTE = 2,

            /** CONF_CHANGE_TYPE_ADD_VOTER value */
            CONF_CHANGE_TYPE_ADD_VOTER = 3,

            /** CONF_CHANGE_TYPE_REMOVE value */
            CONF_CHANGE_TYPE_REMOVE = 4
        }

        /**
         * Properties of a ConfChange.
         * @deprecated Use raftfleet.raft.ConfChange.$Properties instead.
         */
        interface IConfChange extends raftfleet.raft.ConfChange.$Properties {
        }

        /** Represents a ConfChange. */
        class ConfChange {

            /**
             * Constructs a new ConfChange.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.ConfChange.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConfChange type. */
            type: raftfleet.raft.ConfChangeType;

            /** ConfChange member. */
            member: string;

            /** ConfChange context. */
            context: Uint8Array;

            /**
             * Creates a new ConfChange instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConfChange instance
             */
            static create(properties: raftfleet.raft.ConfChange.$Shape): raftfleet.raft.ConfChange & raftfleet.raft.ConfChange.$Shape;
            static create(properties?: raftfleet.raft.ConfChange.$Properties): raftfleet.raft.ConfChange;

            /**
             * Encodes the specified ConfChange message. Does not implicitly {@link raftfleet.raft.ConfChange.verify|verify} messages.
             * @param message ConfChange message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.ConfChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConfChange message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.ConfChange & raftfleet.raft.ConfChange.$Shape} ConfChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.ConfChange & raftfleet.raft.ConfChange.$Shape;
        }

        namespace ConfChange {

            /** Properties of a ConfChange. */
            interface $Properties {

                /** ConfChange type */
                type?: (raftfleet.raft.ConfChangeType|null);

                /** ConfChange member */
                member?: (string|null);

                /** ConfChange context */
                context?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConfChange. */
            type $Shape = raftfleet.raft.ConfChange.$Properties;
        }

        /**
         * Properties of a SnapshotMeta.
         * @deprecated Use raftfleet.raft.SnapshotMeta.$Properties instead.
         */
        interface ISnapshotMeta extends raftfleet.raft.SnapshotMeta.$Properties {
        }

        /** Represents a SnapshotMeta. */
        class SnapshotMeta {

            /**
             * Constructs a new SnapshotMeta.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.SnapshotMeta.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SnapshotMeta index. */
            index: (number|Long);

            /** SnapshotMeta term. */
            term: (number|Long);

            /** SnapshotMeta conf. */
            conf?: (raftfleet.raft.ConfState.$Properties|null);

            /**
             * Creates a new SnapshotMeta instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotMeta instance
             */
            static create(properties: raftfleet.raft.SnapshotMeta.$Shape): raftfleet.raft.SnapshotMeta & raftfleet.raft.SnapshotMeta.$Shape;
            static create(properties?: raftfleet.raft.SnapshotMeta.$Properties): raftfleet.raft.SnapshotMeta;

            /**
             * Encodes the specified SnapshotMeta message. Does not implicitly {@link raftfleet.raft.SnapshotMeta.verify|verify} messages.
             * @param message SnapshotMeta message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.SnapshotMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotMeta message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.SnapshotMeta & raftfleet.raft.SnapshotMeta.$Shape} SnapshotMeta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.SnapshotMeta & raftfleet.raft.SnapshotMeta.$Shape;
        }

        namespace SnapshotMeta {

            /** Properties of a SnapshotMeta. */
            interface $Properties {

                /** SnapshotMeta index */
                index?: (number|Long|null);

                /** SnapshotMeta term */
                term?: (number|Long|null);

                /** SnapshotMeta conf */
                conf?: (raftfleet.raft.ConfState.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SnapshotMeta. */
            type $Shape = raftfleet.raft.SnapshotMeta.$Properties;
        }

        /**
         * Properties of a Snapshot.
         * @deprecated Use raftfleet.raft.Snapshot.$Properties instead.
         */
        interface ISnapshot extends raftfleet.raft.Snapshot.$Properties {
        }

        /** Represents a Snapshot. */
        class Snapshot {

            /**
             * Constructs a new Snapshot.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Snapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Snapshot meta. */
            meta?: (raftfleet.raft.SnapshotMeta.$Properties|null);

            /** Snapshot data. */
            data: Uint8Array;

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Snapshot instance
             */
            static create(properties: raftfleet.raft.Snapshot.$Shape): raftfleet.raft.Snapshot & raftfleet.raft.Snapshot.$Shape;
            static create(properties?: raftfleet.raft.Snapshot.$Properties): raftfleet.raft.Snapshot;

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link raftfleet.raft.Snapshot.verify|verify} messages.
             * @param message Snapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Snapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Snapshot & raftfleet.raft.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Snapshot & raftfleet.raft.Snapshot.$Shape;
        }

        namespace Snapshot {

            /** Properties of a Snapshot. */
            interface $Properties {

                /** Snapshot meta */
                meta?: (raftfleet.raft.SnapshotMeta.$Properties|null);

                /** Snapshot data */
                data?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Snapshot. */
            type $Shape = raftfleet.raft.Snapshot.$Properties;
        }

        /**
         * Properties of an Append.
         * @deprecated Use raftfleet.raft.Append.$Properties instead.
         */
        interface IAppend extends raftfleet.raft.Append.$Properties {
        }

        /** Represents an Append. */
        class Append {

            /**
             * Constructs a new Append.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Append.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Append prevIndex. */
            prevIndex: (number|Long);

            /** Append prevTerm. */
            prevTerm: (number|Long);

            /** Append entries. */
            entries: raftfleet.raft.Entry.$Properties[];

            /** Append commit. */
            commit: (number|Long);

            /**
             * Creates a new Append instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Append instance
             */
            static create(properties: raftfleet.raft.Append.$Shape): raftfleet.raft.Append & raftfleet.raft.Append.$Shape;
            static create(properties?: raftfleet.raft.Append.$Properties): raftfleet.raft.Append;

            /**
             * Encodes the specified Append message. Does not implicitly {@link raftfleet.raft.Append.verify|verify} messages.
             * @param message Append message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Append.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Append message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Append & raftfleet.raft.Append.$Shape} Append
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Append & raftfleet.raft.Append.$Shape;
        }

        namespace Append {

            /** Properties of an Append. */
            interface $Properties {

                /** Append prevIndex */
                prevIndex?: (number|Long|null);

                /** Append prevTerm */
                prevTerm?: (number|Long|null);

                /** Append entries */
                entries?: (raftfleet.raft.Entry.$Properties[]|null);

                /** Append commit */
                commit?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Append. */
            type $Shape = raftfleet.raft.Append.$Properties;
        }

        /**
         * Properties of an AppendResponse.
         * @deprecated Use raftfleet.raft.AppendResponse.$Properties instead.
         */
        interface IAppendResponse extends raftfleet.raft.AppendResponse.$Properties {
        }

        /** Represents an AppendResponse. */
        class AppendResponse {

            /**
             * Constructs a new AppendResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.AppendResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AppendResponse reject. */
            reject: boolean;

            /** AppendResponse index. */
            index: (number|Long);

            /** AppendResponse hintIndex. */
            hintIndex: (number|Long);

            /** AppendResponse hintTerm. */
            hintTerm: (number|Long);

            /**
             * Creates a new AppendResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AppendResponse instance
             */
            static create(properties: raftfleet.raft.AppendResponse.$Shape): raftfleet.raft.AppendResponse & raftfleet.raft.AppendResponse.$Shape;
            static create(properties?: raftfleet.raft.AppendResponse.$Properties): raftfleet.raft.AppendResponse;

            /**
             * Encodes the specified AppendResponse message. Does not implicitly {@link raftfleet.raft.AppendResponse.verify|verify} messages.
             * @param message AppendResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.AppendResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AppendResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.AppendResponse & raftfleet.raft.AppendResponse.$Shape} AppendResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.AppendResponse & raftfleet.raft.AppendResponse.$Shape;
        }

        namespace AppendResponse {

            /** Properties of an AppendResponse. */
            interface $Properties {

                /** AppendResponse reject */
                reject?: (boolean|null);

                /** AppendResponse index */
                index?: (number|Long|null);

                /** AppendResponse hintIndex */
                hintIndex?: (number|Long|null);

                /** AppendResponse hintTerm */
                hintTerm?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AppendResponse. */
            type $Shape = raftfleet.raft.AppendResponse.$Properties;
        }

        /**
         * Properties of a VoteRequest.
         * @deprecated Use raftfleet.raft.VoteRequest.$Properties instead.
         */
        interface IVoteRequest extends raftfleet.raft.VoteRequest.$Properties {
        }

        /** Represents a VoteRequest. */
        class VoteRequest {

            /**
             * Constructs a new VoteRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.VoteRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VoteRequest lastIndex. */
            lastIndex: (number|Long);

            /** VoteRequest lastTerm. */
            lastTerm: (number|Long);

            /** VoteRequest transfer. */
            transfer: boolean;

            /**
             * Creates a new VoteRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VoteRequest instance
             */
            static create(properties: raftfleet.raft.VoteRequest.$Shape): raftfleet.raft.VoteRequest & raftfleet.raft.VoteRequest.$Shape;
            static create(properties?: raftfleet.raft.VoteRequest.$Properties): raftfleet.raft.VoteRequest;

            /**
             * Encodes the specified VoteRequest message. Does not implicitly {@link raftfleet.raft.VoteRequest.verify|verify} messages.
             * @param message VoteRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.VoteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VoteRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.VoteRequest & raftfleet.raft.VoteRequest.$Shape} VoteRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.VoteRequest & raftfleet.raft.VoteRequest.$Shape;
        }

        namespace VoteRequest {

            /** Properties of a VoteRequest. */
            interface $Properties {

                /** VoteRequest lastIndex */
                lastIndex?: (number|Long|null);

                /** VoteRequest lastTerm */
                lastTerm?: (number|Long|null);

                /** VoteRequest transfer */
                transfer?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VoteRequest. */
            type $Shape = raftfleet.raft.VoteRequest.$Properties;
        }

        /**
         * Properties of a VoteResponse.
         * @deprecated Use raftfleet.raft.VoteResponse.$Properties instead.
         */
        interface IVoteResponse extends raftfleet.raft.VoteResponse.$Properties {
        }

        /** Represents a VoteResponse. */
        class VoteResponse {

            /**
             * Constructs a new VoteResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.VoteResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VoteResponse granted. */
            granted: boolean;

            /**
             * Creates a new VoteResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VoteResponse instance
             */
            static create(properties: raftfleet.raft.VoteResponse.$Shape): raftfleet.raft.VoteResponse & raftfleet.raft.VoteResponse.$Shape;
            static create(properties?: raftfleet.raft.VoteResponse.$Properties): raftfleet.raft.VoteResponse;

            /**
             * Encodes the specified VoteResponse message. Does not implicitly {@link raftfleet.raft.VoteResponse.verify|verify} messages.
             * @param message VoteResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.VoteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VoteResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.VoteResponse & raftfleet.raft.VoteResponse.$Shape} VoteResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.VoteResponse & raftfleet.raft.VoteResponse.$Shape;
        }

        namespace VoteResponse {

            /** Properties of a VoteResponse. */
            interface $Properties {

                /** VoteResponse granted */
                granted?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VoteResponse. */
            type $Shape = raftfleet.raft.VoteResponse.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use raftfleet.raft.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends raftfleet.raft.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat commit. */
            commit: (number|Long);

            /** Heartbeat context. */
            context: string;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: raftfleet.raft.Heartbeat.$Shape): raftfleet.raft.Heartbeat & raftfleet.raft.Heartbeat.$Shape;
            static create(properties?: raftfleet.raft.Heartbeat.$Properties): raftfleet.raft.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link raftfleet.raft.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Heartbeat & raftfleet.raft.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Heartbeat & raftfleet.raft.Heartbeat.$Shape;
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat commit */
                commit?: (number|Long|null);

                /** Heartbeat context */
                context?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = raftfleet.raft.Heartbeat.$Properties;
        }

        /**
         * Properties of a HeartbeatResponse.
         * @deprecated Use raftfleet.raft.HeartbeatResponse.$Properties instead.
         */
        interface IHeartbeatResponse extends raftfleet.raft.HeartbeatResponse.$Properties {
        }

        /** Represents a HeartbeatResponse. */
        class HeartbeatResponse {

            /**
             * Constructs a new HeartbeatResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.HeartbeatResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HeartbeatResponse context. */
            context: string;

            /**
             * Creates a new HeartbeatResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HeartbeatResponse instance
             */
            static create(properties: raftfleet.raft.HeartbeatResponse.$Shape): raftfleet.raft.HeartbeatResponse & raftfleet.raft.HeartbeatResponse.$Shape;
            static create(properties?: raftfleet.raft.HeartbeatResponse.$Properties): raftfleet.raft.HeartbeatResponse;

            /**
             * Encodes the specified HeartbeatResponse message. Does not implicitly {@link raftfleet.raft.HeartbeatResponse.verify|verify} messages.
             * @param message HeartbeatResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.HeartbeatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HeartbeatResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.HeartbeatResponse & raftfleet.raft.HeartbeatResponse.$Shape} HeartbeatResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.HeartbeatResponse & raftfleet.raft.HeartbeatResponse.$Shape;
        }

        namespace HeartbeatResponse {

            /** Properties of a HeartbeatResponse. */
            interface $Properties {

                /** HeartbeatResponse context */
                context?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HeartbeatResponse. */
            type $Shape = raftfleet.raft.HeartbeatResponse.$Properties;
        }

        /**
         * Properties of an InstallSnapshot.
         * @deprecated Use raftfleet.raft.InstallSnapshot.$Properties instead.
         */
        interface IInstallSnapshot extends raftfleet.raft.InstallSnapshot.$Properties {
        }

        /** Represents an InstallSnapshot. */
        class InstallSnapshot {

            /**
             * Constructs a new InstallSnapshot.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.InstallSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InstallSnapshot snapshot. */
            snapshot?: (raftfleet.raft.Snapshot.$Properties|null);

            /**
             * Creates a new InstallSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InstallSnapshot instance
             */
            static create(properties: raftfleet.raft.InstallSnapshot.$Shape): raftfleet.raft.InstallSnapshot & raftfleet.raft.InstallSnapshot.$Shape;
            static create(properties?: raftfleet.raft.InstallSnapshot.$Properties): raftfleet.raft.InstallSnapshot;

            /**
             * Encodes the specified InstallSnapshot message. Does not implicitly {@link raftfleet.raft.InstallSnapshot.verify|verify} messages.
             * @param message InstallSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.InstallSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InstallSnapshot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.InstallSnapshot & raftfleet.raft.InstallSnapshot.$Shape} InstallSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.InstallSnapshot & raftfleet.raft.InstallSnapshot.$Shape;
        }

        namespace InstallSnapshot {

            /** Properties of an InstallSnapshot. */
            interface $Properties {

                /** InstallSnapshot snapshot */
                snapshot?: (raftfleet.raft.Snapshot.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InstallSnapshot. */
            type $Shape = raftfleet.raft.InstallSnapshot.$Properties;
        }

        /**
         * Properties of a SnapshotChunk.
         * @deprecated Use raftfleet.raft.SnapshotChunk.$Properties instead.
         */
        interface ISnapshotChunk extends raftfleet.raft.SnapshotChunk.$Properties {
        }

        /** Represents a SnapshotChunk. */
        class SnapshotChunk {

            /**
             * Constructs a new SnapshotChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.SnapshotChunk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SnapshotChunk meta. */
            meta?: (raftfleet.raft.SnapshotMeta.$Properties|null);

            /** SnapshotChunk offset. */
            offset: (number|Long);

            /** SnapshotChunk data. */
            data: Uint8Array;

            /** SnapshotChunk last. */
            last: boolean;

            /**
             * Creates a new SnapshotChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SnapshotChunk instance
             */
            static create(properties: raftfleet.raft.SnapshotChunk.$Shape): raftfleet.raft.SnapshotChunk & raftfleet.raft.SnapshotChunk.$Shape;
            static create(properties?: raftfleet.raft.SnapshotChunk.$Properties): raftfleet.raft.SnapshotChunk;

            /**
             * Encodes the specified SnapshotChunk message. Does not implicitly {@link raftfleet.raft.SnapshotChunk.verify|verify} messages.
             * @param message SnapshotChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.SnapshotChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SnapshotChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.SnapshotChunk & raftfleet.raft.SnapshotChunk.$Shape} SnapshotChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.SnapshotChunk & raftfleet.raft.SnapshotChunk.$Shape;
        }

        namespace SnapshotChunk {

            /** Properties of a SnapshotChunk. */
            interface $Properties {

                /** SnapshotChunk meta */
                meta?: (raftfleet.raft.SnapshotMeta.$Properties|null);

                /** SnapshotChunk offset */
                offset?: (number|Long|null);

                /** SnapshotChunk data */
                data?: (Uint8Array|null);

                /** SnapshotChunk last */
                last?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SnapshotChunk. */
            type $Shape = raftfleet.raft.SnapshotChunk.$Properties;
        }

        /**
         * Properties of a TimeoutNow.
         * @deprecated Use raftfleet.raft.TimeoutNow.$Properties instead.
         */
        interface ITimeoutNow extends raftfleet.raft.TimeoutNow.$Properties {
        }

        /** Represents a TimeoutNow. */
        class TimeoutNow {

            /**
             * Constructs a new TimeoutNow.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.TimeoutNow.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new TimeoutNow instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TimeoutNow instance
             */
            static create(properties: raftfleet.raft.TimeoutNow.$Shape): raftfleet.raft.TimeoutNow & raftfleet.raft.TimeoutNow.$Shape;
            static create(properties?: raftfleet.raft.TimeoutNow.$Properties): raftfleet.raft.TimeoutNow;

            /**
             * Encodes the specified TimeoutNow message. Does not implicitly {@link raftfleet.raft.TimeoutNow.verify|verify} messages.
             * @param message TimeoutNow message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.TimeoutNow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TimeoutNow message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.TimeoutNow & raftfleet.raft.TimeoutNow.$Shape} TimeoutNow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.TimeoutNow & raftfleet.raft.TimeoutNow.$Shape;
        }

        namespace TimeoutNow {

            /** Properties of a TimeoutNow. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TimeoutNow. */
            type $Shape = raftfleet.raft.TimeoutNow.$Properties;
        }

        /**
         * Properties of a ReadIndex.
         * @deprecated Use raftfleet.raft.ReadIndex.$Properties instead.
         */
        interface IReadIndex extends raftfleet.raft.ReadIndex.$Properties {
        }

        /** Represents a ReadIndex. */
        class ReadIndex {

            /**
             * Constructs a new ReadIndex.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.ReadIndex.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadIndex context. */
            context: string;

            /**
             * Creates a new ReadIndex instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadIndex instance
             */
            static create(properties: raftfleet.raft.ReadIndex.$Shape): raftfleet.raft.ReadIndex & raftfleet.raft.ReadIndex.$Shape;
            static create(properties?: raftfleet.raft.ReadIndex.$Properties): raftfleet.raft.ReadIndex;

            /**
             * Encodes the specified ReadIndex message. Does not implicitly {@link raftfleet.raft.ReadIndex.verify|verify} messages.
             * @param message ReadIndex message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.ReadIndex.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadIndex message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.ReadIndex & raftfleet.raft.ReadIndex.$Shape} ReadIndex
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.ReadIndex & raftfleet.raft.ReadIndex.$Shape;
        }

        namespace ReadIndex {

            /** Properties of a ReadIndex. */
            interface $Properties {

                /** ReadIndex context */
                context?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadIndex. */
            type $Shape = raftfleet.raft.ReadIndex.$Properties;
        }

        /**
         * Properties of a ReadIndexResponse.
         * @deprecated Use raftfleet.raft.ReadIndexResponse.$Properties instead.
         */
        interface IReadIndexResponse extends raftfleet.raft.ReadIndexResponse.$Properties {
        }

        /** Represents a ReadIndexResponse. */
        class ReadIndexResponse {

            /**
             * Constructs a new ReadIndexResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.ReadIndexResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadIndexResponse context. */
            context: string;

            /** ReadIndexResponse index. */
            index: (number|Long);

            /**
             * Creates a new ReadIndexResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadIndexResponse instance
             */
            static create(properties: raftfleet.raft.ReadIndexResponse.$Shape): raftfleet.raft.ReadIndexResponse & raftfleet.raft.ReadIndexResponse.$Shape;
            static create(properties?: raftfleet.raft.ReadIndexResponse.$Properties): raftfleet.raft.ReadIndexResponse;

            /**
             * Encodes the specified ReadIndexResponse message. Does not implicitly {@link raftfleet.raft.ReadIndexResponse.verify|verify} messages.
             * @param message ReadIndexResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.ReadIndexResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadIndexResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.ReadIndexResponse & raftfleet.raft.ReadIndexResponse.$Shape} ReadIndexResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.ReadIndexResponse & raftfleet.raft.ReadIndexResponse.$Shape;
        }

        namespace ReadIndexResponse {

            /** Properties of a ReadIndexResponse. */
            interface $Properties {

                /** ReadIndexResponse context */
                context?: (string|null);

                /** ReadIndexResponse index */
                index?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadIndexResponse. */
            type $Shape = raftfleet.raft.ReadIndexResponse.$Properties;
        }

        /**
         * Properties of a Message.
         * @deprecated Use raftfleet.raft.Message.$Properties instead.
         */
        interface IMessage extends raftfleet.raft.Message.$Properties {
        }

        /** Represents a Message. */
        class Message {

            /**
             * Constructs a new Message.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Message.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Message term. */
            term: (number|Long);

            /** Message from. */
            from: string;

            /** Message to. */
            to: string;

            /** Message append. */
            append?: (raftfleet.raft.Append.$Properties|null);

            /** Message appendResponse. */
            appendResponse?: (raftfleet.raft.AppendResponse.$Properties|null);

            /** Message vote. */
            vote?: (raftfleet.raft.VoteRequest.$Properties|null);

            /** Message preVote. */
            preVote?: (raftfleet.raft.VoteRequest.$Properties|null);

            /** Message voteResponse. */
            voteResponse?: (raftfleet.raft.VoteResponse.$Properties|null);

            /** Message preVoteResponse. */
            preVoteResponse?: (raftfleet.raft.VoteResponse.$Properties|null);

            /** Message heartbeat. */
            heartbeat?: (raftfleet.raft.Heartbeat.$Properties|null);

            /** Message heartbeatResponse. */
            heartbeatResponse?: (raftfleet.raft.HeartbeatResponse.$Properties|null);

            /** Message snapshot. */
            snapshot?: (raftfleet.raft.InstallSnapshot.$Properties|null);

            /** Message snapshotChunk. */
            snapshotChunk?: (raftfleet.raft.SnapshotChunk.$Properties|null);

            /** Message timeoutNow. */
            timeoutNow?: (raftfleet.raft.TimeoutNow.$Properties|null);

            /** Message readIndex. */
            readIndex?: (raftfleet.raft.ReadIndex.$Properties|null);

            /** Message readIndexResponse. */
            readIndexResponse?: (raftfleet.raft.ReadIndexResponse.$Properties|null);

            /** Message body. */
            body?: ("append"|"appendResponse"|"vote"|"preVote"|"voteResponse"|"preVoteResponse"|"heartbeat"|"heartbeatResponse"|"snapshot"|"snapshotChunk"|"timeoutNow"|"readIndex"|"readIndexResponse");

            /**
             * Creates a new Message instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Message instance
             */
            static create(properties: raftfleet.raft.Message.$Shape): raftfleet.raft.Message & raftfleet.raft.Message.$Shape;
            static create(properties?: raftfleet.raft.Message.$Properties): raftfleet.raft.Message;

            /**
             * Encodes the specified Message message. Does not implicitly {@link raftfleet.raft.Message.verify|verify} messages.
             * @param message Message message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Message & raftfleet.raft.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Message & raftfleet.raft.Message.$Shape;
        }

        namespace Message {

            /** Properties of a Message. */
            interface $Properties {

                /** Message term */
                term?: (number|Long|null);

                /** Message from */
                from?: (string|null);

                /** Message to */
                to?: (string|null);

                /** Message append */
                append?: (raftfleet.raft.Append.$Properties|null);

                /** Message appendResponse */
                appendResponse?: (raftfleet.raft.AppendResponse.$Properties|null);

                /** Message vote */
                vote?: (raftfleet.raft.VoteRequest.$Properties|null);

                /** Message preVote */
                preVote?: (raftfleet.raft.VoteRequest.$Properties|null);

                /** Message voteResponse */
                voteResponse?: (raftfleet.raft.VoteResponse.$Properties|null);

                /** Message preVoteResponse */
                preVoteResponse?: (raftfleet.raft.VoteResponse.$Properties|null);

                /** Message heartbeat */
                heartbeat?: (raftfleet.raft.Heartbeat.$Properties|null);

                /** Message heartbeatResponse */
                heartbeatResponse?: (raftfleet.raft.HeartbeatResponse.$Properties|null);

                /** Message snapshot */
                snapshot?: (raftfleet.raft.InstallSnapshot.$Properties|null);

                /** Message snapshotChunk */
                snapshotChunk?: (raftfleet.raft.SnapshotChunk.$Properties|null);

                /** Message timeoutNow */
                timeoutNow?: (raftfleet.raft.TimeoutNow.$Properties|null);

                /** Message readIndex */
                readIndex?: (raftfleet.raft.ReadIndex.$Properties|null);

                /** Message readIndexResponse */
                readIndexResponse?: (raftfleet.raft.ReadIndexResponse.$Properties|null);

                /** Message body */
                body?: ("append"|"appendResponse"|"vote"|"preVote"|"voteResponse"|"preVoteResponse"|"heartbeat"|"heartbeatResponse"|"snapshot"|"snapshotChunk"|"timeoutNow"|"readIndex"|"readIndexResponse");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Message. */
            type $Shape = {
              term?: number|Long|null;
              from?: string|null;
              to?: string|null;
              append?: raftfleet.raft.Append.$Shape|null;
              appendResponse?: raftfleet.raft.AppendResponse.$Shape|null;
              vote?: raftfleet.raft.VoteRequest.$Shape|null;
              preVote?: raftfleet.raft.VoteRequest.$Shape|null;
              voteResponse?: raftfleet.raft.VoteResponse.$Shape|null;
              preVoteResponse?: raftfleet.raft.VoteResponse.$Shape|null;
              heartbeat?: raftfleet.raft.Heartbeat.$Shape|null;
              heartbeatResponse?: raftfleet.raft.HeartbeatResponse.$Shape|null;
              snapshot?: raftfleet.raft.InstallSnapshot.$Shape|null;
              snapshotChunk?: raftfleet.raft.SnapshotChunk.$Shape|null;
              timeoutNow?: raftfleet.raft.TimeoutNow.$Shape|null;
              readIndex?: raftfleet.raft.ReadIndex.$Shape|null;
              readIndexResponse?: raftfleet.raft.ReadIndexResponse.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "append"; append: raftfleet.raft.Append.$Shape; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "appendResponse"; append?: null; appendResponse: raftfleet.raft.AppendResponse.$Shape; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "vote"; append?: null; appendResponse?: null; vote: raftfleet.raft.VoteRequest.$Shape; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "preVote"; append?: null; appendResponse?: null; vote?: null; preVote: raftfleet.raft.VoteRequest.$Shape; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "voteResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse: raftfleet.raft.VoteResponse.$Shape; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "preVoteResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse: raftfleet.raft.VoteResponse.$Shape; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "heartbeat"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat: raftfleet.raft.Heartbeat.$Shape; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "heartbeatResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse: raftfleet.raft.HeartbeatResponse.$Shape; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "snapshot"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot: raftfleet.raft.InstallSnapshot.$Shape; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "snapshotChunk"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk: raftfleet.raft.SnapshotChunk.$Shape; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "timeoutNow"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow: raftfleet.raft.TimeoutNow.$Shape; readIndex?: null; readIndexResponse?: null }|{ body?: "readIndex"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex: raftfleet.raft.ReadIndex.$Shape; readIndexResponse?: null }|{ body?: "readIndexResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse: raftfleet.raft.ReadIndexResponse.$Shape })
            );
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use raftfleet.raft.Envelope.$Properties instead.
         */
        interface IEnvelope extends raftfleet.raft.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope group. */
            group: string;

            /** Envelope message. */
            message?: (raftfleet.raft.Message.$Properties|null);

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: raftfleet.raft.Envelope.$Shape): raftfleet.raft.Envelope & raftfleet.raft.Envelope.$Shape;
            static create(properties?: raftfleet.raft.Envelope.$Properties): raftfleet.raft.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link raftfleet.raft.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Envelope & raftfleet.raft.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Envelope & raftfleet.raft.Envelope.$Shape;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope group */
                group?: (string|null);

                /** Envelope message */
                message?: (raftfleet.raft.Message.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Envelope. */
            type $Shape = {
              group?: string|null;
              message?: raftfleet.raft.Message.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Batch.
         * @deprecated Use raftfleet.raft.Batch.$Properties instead.
         */
        interface IBatch extends raftfleet.raft.Batch.$Properties {
        }

        /** Represents a Batch. */
        class Batch {

            /**
             * Constructs a new Batch.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.raft.Batch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Batch from. */
            from: string;

            /** Batch to. */
            to: string;

            /** Batch envelopes. */
            envelopes: raftfleet.raft.Envelope.$Properties[];

            /**
             * Creates a new Batch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Batch instance
             */
            static create(properties: raftfleet.raft.Batch.$Shape): raftfleet.raft.Batch & raftfleet.raft.Batch.$Shape;
            static create(properties?: raftfleet.raft.Batch.$Properties): raftfleet.raft.Batch;

            /**
             * Encodes the specified Batch message. Does not implicitly {@link raftfleet.raft.Batch.verify|verify} messages.
             * @param message Batch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.raft.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Batch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.raft.Batch & raftfleet.raft.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.raft.Batch & raftfleet.raft.Batch.$Shape;
        }

        namespace Batch {

            /** Properties of a Batch. */
            interface $Properties {

                /** Batch from */
                from?: (string|null);

                /** Batch to */
                to?: (string|null);

                /** Batch envelopes */
                envelopes?: (raftfleet.raft.Envelope.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Batch. */
            type $Shape = {
              from?: string|null;
              to?: string|null;
              envelopes?: raftfleet.raft.Envelope.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }

    /** Namespace wire. */
    namespace wire {

        /**
         * Properties of a Hello.
         * @deprecated Use raftfleet.wire.Hello.$Properties instead.
         */
        interface IHello extends raftfleet.wire.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello version. */
            version: number;

            /** Hello clusterId. */
            clusterId: string;

            /** Hello nodeId. */
            nodeId: string;

            /** Hello address. */
            address: string;

            /** Hello nonce. */
            nonce: Uint8Array;

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: raftfleet.wire.Hello.$Shape): raftfleet.wire.Hello & raftfleet.wire.Hello.$Shape;
            static create(properties?: raftfleet.wire.Hello.$Properties): raftfleet.wire.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link raftfleet.wire.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Hello & raftfleet.wire.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Hello & raftfleet.wire.Hello.$Shape;
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello version */
                version?: (number|null);

                /** Hello clusterId */
                clusterId?: (string|null);

                /** Hello nodeId */
                nodeId?: (string|null);

                /** Hello address */
                address?: (string|null);

                /** Hello nonce */
                nonce?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = raftfleet.wire.Hello.$Properties;
        }

        /**
         * Properties of a Challenge.
         * @deprecated Use raftfleet.wire.Challenge.$Properties instead.
         */
        interface IChallenge extends raftfleet.wire.Challenge.$Properties {
        }

        /** Represents a Challenge. */
        class Challenge {

            /**
             * Constructs a new Challenge.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Challenge.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Challenge version. */
            version: number;

            /** Challenge clusterId. */
            clusterId: string;

            /** Challenge nodeId. */
            nodeId: string;

            /** Challenge nonce. */
            nonce: Uint8Array;

            /** Challenge proof. */
            proof: Uint8Array;

            /**
             * Creates a new Challenge instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Challenge instance
             */
            static create(properties: raftfleet.wire.Challenge.$Shape): raftfleet.wire.Challenge & raftfleet.wire.Challenge.$Shape;
            static create(properties?: raftfleet.wire.Challenge.$Properties): raftfleet.wire.Challenge;

            /**
             * Encodes the specified Challenge message. Does not implicitly {@link raftfleet.wire.Challenge.verify|verify} messages.
             * @param message Challenge message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Challenge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Challenge message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Challenge & raftfleet.wire.Challenge.$Shape} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Challenge & raftfleet.wire.Challenge.$Shape;
        }

        namespace Challenge {

            /** Properties of a Challenge. */
            interface $Properties {

                /** Challenge version */
                version?: (number|null);

                /** Challenge clusterId */
                clusterId?: (string|null);

                /** Challenge nodeId */
                nodeId?: (string|null);

                /** Challenge nonce */
                nonce?: (Uint8Array|null);

                /** Challenge proof */
                proof?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Challenge. */
            type $Shape = raftfleet.wire.Challenge.$Properties;
        }

        /**
         * Properties of a Proof.
         * @deprecated Use raftfleet.wire.Proof.$Properties instead.
         */
        interface IProof extends raftfleet.wire.Proof.$Properties {
        }

        /** Represents a Proof. */
        class Proof {

            /**
             * Constructs a new Proof.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Proof.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Proof proof. */
            proof: Uint8Array;

            /**
             * Creates a new Proof instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Proof instance
             */
            static create(properties: raftfleet.wire.Proof.$Shape): raftfleet.wire.Proof & raftfleet.wire.Proof.$Shape;
            static create(properties?: raftfleet.wire.Proof.$Properties): raftfleet.wire.Proof;

            /**
             * Encodes the specified Proof message. Does not implicitly {@link raftfleet.wire.Proof.verify|verify} messages.
             * @param message Proof message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Proof.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Proof message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Proof & raftfleet.wire.Proof.$Shape} Proof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Proof & raftfleet.wire.Proof.$Shape;
        }

        namespace Proof {

            /** Properties of a Proof. */
            interface $Properties {

                /** Proof proof */
                proof?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Proof. */
            type $Shape = raftfleet.wire.Proof.$Properties;
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use raftfleet.wire.Welcome.$Properties instead.
         */
        interface IWelcome extends raftfleet.wire.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: raftfleet.wire.Welcome.$Shape): raftfleet.wire.Welcome & raftfleet.wire.Welcome.$Shape;
            static create(properties?: raftfleet.wire.Welcome.$Properties): raftfleet.wire.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link raftfleet.wire.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Welcome & raftfleet.wire.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Welcome & raftfleet.wire.Welcome.$Shape;
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = raftfleet.wire.Welcome.$Properties;
        }

        /**
         * Properties of a Reject.
         * @deprecated Use raftfleet.wire.Reject.$Properties instead.
         */
        interface IReject extends raftfleet.wire.Reject.$Properties {
        }

        /** Represents a Reject. */
        class Reject {

            /**
             * Constructs a new Reject.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Reject.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Reject code. */
            code: string;

            /** Reject reason. */
            reason: string;

            /**
             * Creates a new Reject instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Reject instance
             */
            static create(properties: raftfleet.wire.Reject.$Shape): raftfleet.wire.Reject & raftfleet.wire.Reject.$Shape;
            static create(properties?: raftfleet.wire.Reject.$Properties): raftfleet.wire.Reject;

            /**
             * Encodes the specified Reject message. Does not implicitly {@link raftfleet.wire.Reject.verify|verify} messages.
             * @param message Reject message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Reject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Reject message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Reject & raftfleet.wire.Reject.$Shape} Reject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Reject & raftfleet.wire.Reject.$Shape;
        }

        namespace Reject {

            /** Properties of a Reject. */
            interface $Properties {

                /** Reject code */
                code?: (string|null);

                /** Reject reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Reject. */
            type $Shape = raftfleet.wire.Reject.$Properties;
        }

        /**
         * Properties of a RpcRequest.
         * @deprecated Use raftfleet.wire.RpcRequest.$Properties instead.
         */
        interface IRpcRequest extends raftfleet.wire.RpcRequest.$Properties {
        }

        /** Represents a RpcRequest. */
        class RpcRequest {

            /**
             * Constructs a new RpcRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.RpcRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RpcRequest id. */
            id: number;

            /** RpcRequest method. */
            method: string;

            /** RpcRequest body. */
            body: Uint8Array;

            /**
             * Creates a new RpcRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RpcRequest instance
             */
            static create(properties: raftfleet.wire.RpcRequest.$Shape): raftfleet.wire.RpcRequest & raftfleet.wire.RpcRequest.$Shape;
            static create(properties?: raftfleet.wire.RpcRequest.$Properties): raftfleet.wire.RpcRequest;

            /**
             * Encodes the specified RpcRequest message. Does not implicitly {@link raftfleet.wire.RpcRequest.verify|verify} messages.
             * @param message RpcRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.RpcRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RpcRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.RpcRequest & raftfleet.wire.RpcRequest.$Shape} RpcRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.RpcRequest & raftfleet.wire.RpcRequest.$Shape;
        }

        namespace RpcRequest {

            /** Properties of a RpcRequest. */
            interface $Properties {

                /** RpcRequest id */
                id?: (number|null);

                /** RpcRequest method */
                method?: (string|null);

                /** RpcRequest body */
                body?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RpcRequest. */
            type $Shape = raftfleet.wire.RpcRequest.$Properties;
        }

        /**
         * Properties of a RpcError.
         * @deprecated Use raftfleet.wire.RpcError.$Properties instead.
         */
        interface IRpcError extends raftfleet.wire.RpcError.$Properties {
        }

        /** Represents a RpcError. */
        class RpcError {

            /**
             * Constructs a new RpcError.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.RpcError.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RpcError code. */
            code: string;

            /** RpcError message. */
            message: string;

            /**
             * Creates a new RpcError instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RpcError instance
             */
            static create(properties: raftfleet.wire.RpcError.$Shape): raftfleet.wire.RpcError & raftfleet.wire.RpcError.$Shape;
            static create(properties?: raftfleet.wire.RpcError.$Properties): raftfleet.wire.RpcError;

            /**
             * Encodes the specified RpcError message. Does not implicitly {@link raftfleet.wire.RpcError.verify|verify} messages.
             * @param message RpcError message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.RpcError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RpcError message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.RpcError & raftfleet.wire.RpcError.$Shape} RpcError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.RpcError & raftfleet.wire.RpcError.$Shape;
        }

        namespace RpcError {

            /** Properties of a RpcError. */
            interface $Properties {

                /** RpcError code */
                code?: (string|null);

                /** RpcError message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RpcError. */
            type $Shape = raftfleet.wire.RpcError.$Properties;
        }

        /**
         * Properties of a RpcResponse.
         * @deprecated Use raftfleet.wire.RpcResponse.$Properties instead.
         */
        interface IRpcResponse extends raftfleet.wire.RpcResponse.$Properties {
        }

        /** Represents a RpcResponse. */
        class RpcResponse {

            /**
             * Constructs a new RpcResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.RpcResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RpcResponse id. */
            id: number;

            /** RpcResponse body. */
            body: Uint8Array;

            /** RpcResponse error. */
            error?: (raftfleet.wire.RpcError.$Properties|null);

            /**
             * Creates a new RpcResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RpcResponse instance
             */
            static create(properties: raftfleet.wire.RpcResponse.$Shape): raftfleet.wire.RpcResponse & raftfleet.wire.RpcResponse.$Shape;
            static create(properties?: raftfleet.wire.RpcResponse.$Properties): raftfleet.wire.RpcResponse;

            /**
             * Encodes the specified RpcResponse message. Does not implicitly {@link raftfleet.wire.RpcResponse.verify|verify} messages.
             * @param message RpcResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.RpcResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RpcResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.RpcResponse & raftfleet.wire.RpcResponse.$Shape} RpcResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.RpcResponse & raftfleet.wire.RpcResponse.$Shape;
        }

        namespace RpcResponse {

            /** Properties of a RpcResponse. */
            interface $Properties {

                /** RpcResponse id */
                id?: (number|null);

                /** RpcResponse body */
                body?: (Uint8Array|null);

                /** RpcResponse error */
                error?: (raftfleet.wire.RpcError.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RpcResponse. */
            type $Shape = raftfleet.wire.RpcResponse.$Properties;
        }

        /**
         * Properties of a Ping.
         * @deprecated Use raftfleet.wire.Ping.$Properties instead.
         */
        interface IPing extends raftfleet.wire.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping nonce. */
            nonce: (number|Long);

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: raftfleet.wire.Ping.$Shape): raftfleet.wire.Ping & raftfleet.wire.Ping.$Shape;
            static create(properties?: raftfleet.wire.Ping.$Properties): raftfleet.wire.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link raftfleet.wire.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Ping & raftfleet.wire.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Ping & raftfleet.wire.Ping.$Shape;
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping nonce */
                nonce?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = raftfleet.wire.Ping.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use raftfleet.wire.Pong.$Properties instead.
         */
        interface IPong extends raftfleet.wire.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong nonce. */
            nonce: (number|Long);

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: raftfleet.wire.Pong.$Shape): raftfleet.wire.Pong & raftfleet.wire.Pong.$Shape;
            static create(properties?: raftfleet.wire.Pong.$Properties): raftfleet.wire.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link raftfleet.wire.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Pong & raftfleet.wire.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Pong & raftfleet.wire.Pong.$Shape;
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong nonce */
                nonce?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = raftfleet.wire.Pong.$Properties;
        }

        /**
         * Properties of a Frame.
         * @deprecated Use raftfleet.wire.Frame.$Properties instead.
         */
        interface IFrame extends raftfleet.wire.Frame.$Properties {
        }

        /** Represents a Frame. */
        class Frame {

            /**
             * Constructs a new Frame.
             * @param [properties] Properties to set
             */
            constructor(properties?: raftfleet.wire.Frame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Frame hello. */
            hello?: (raftfleet.wire.Hello.$Properties|null);

            /** Frame challenge. */
            challenge?: (raftfleet.wire.Challenge.$Properties|null);

            /** Frame proof. */
            proof?: (raftfleet.wire.Proof.$Properties|null);

            /** Frame welcome. */
            welcome?: (raftfleet.wire.Welcome.$Properties|null);

            /** Frame reject. */
            reject?: (raftfleet.wire.Reject.$Properties|null);

            /** Frame batch. */
            batch?: (raftfleet.raft.Batch.$Properties|null);

            /** Frame request. */
            request?: (raftfleet.wire.RpcRequest.$Properties|null);

            /** Frame response. */
            response?: (raftfleet.wire.RpcResponse.$Properties|null);

            /** Frame ping. */
            ping?: (raftfleet.wire.Ping.$Properties|null);

            /** Frame pong. */
            pong?: (raftfleet.wire.Pong.$Properties|null);

            /** Frame kind. */
            kind?: ("hello"|"challenge"|"proof"|"welcome"|"reject"|"batch"|"request"|"response"|"ping"|"pong");

            /**
             * Creates a new Frame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Frame instance
             */
            static create(properties: raftfleet.wire.Frame.$Shape): raftfleet.wire.Frame & raftfleet.wire.Frame.$Shape;
            static create(properties?: raftfleet.wire.Frame.$Properties): raftfleet.wire.Frame;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link raftfleet.wire.Frame.verify|verify} messages.
             * @param message Frame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: raftfleet.wire.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {raftfleet.wire.Frame & raftfleet.wire.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): raftfleet.wire.Frame & raftfleet.wire.Frame.$Shape;
        }

        namespace Frame {

            /** Properties of a Frame. */
            interface $Properties {

                /** Frame hello */
                hello?: (raftfleet.wire.Hello.$Properties|null);

                /** Frame challenge */
                challenge?: (raftfleet.wire.Challenge.$Properties|null);

                /** Frame proof */
                proof?: (raftfleet.wire.Proof.$Properties|null);

                /** Frame welcome */
                welcome?: (raftfleet.wire.Welcome.$Properties|null);

                /** Frame reject */
                reject?: (raftfleet.wire.Reject.$Properties|null);

                /** Frame batch */
                batch?: (raftfleet.raft.Batch.$Properties|null);

                /** Frame request */
                request?: (raftfleet.wire.RpcRequest.$Properties|null);

                /** Frame response */
                response?: (raftfleet.wire.RpcResponse.$Properties|null);

                /** Frame ping */
                ping?: (raftfleet.wire.Ping.$Properties|null);

                /** Frame pong */
                pong?: (raftfleet.wire.Pong.$Properties|null);

                /** Frame kind */
                kind?: ("hello"|"challenge"|"proof"|"welcome"|"reject"|"batch"|"request"|"response"|"ping"|"pong");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Frame. */
            type $Shape = {
              hello?: raftfleet.wire.Hello.$Shape|null;
              challenge?: raftfleet.wire.Challenge.$Shape|null;
              proof?: raftfleet.wire.Proof.$Shape|null;
              welcome?: raftfleet.wire.Welcome.$Shape|null;
              reject?: raftfleet.wire.Reject.$Shape|null;
              batch?: raftfleet.raft.Batch.$Shape|null;
              request?: raftfleet.wire.RpcRequest.$Shape|null;
              response?: raftfleet.wire.RpcResponse.$Shape|null;
              ping?: raftfleet.wire.Ping.$Shape|null;
              pong?: raftfleet.wire.Pong.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "hello"; hello: raftfleet.wire.Hello.$Shape; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "challenge"; hello?: null; challenge: raftfleet.wire.Challenge.$Shape; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "proof"; hello?: null; challenge?: null; proof: raftfleet.wire.Proof.$Shape; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "welcome"; hello?: null; challenge?: null; proof?: null; welcome: raftfleet.wire.Welcome.$Shape; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "reject"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject: raftfleet.wire.Reject.$Shape; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "batch"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch: raftfleet.raft.Batch.$Shape; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "request"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request: raftfleet.wire.RpcRequest.$Shape; response?: null; ping?: null; pong?: null }|{ kind?: "response"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response: raftfleet.wire.RpcResponse.$Shape; ping?: null; pong?: null }|{ kind?: "ping"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping: raftfleet.wire.Ping.$Shape; pong?: null }|{ kind?: "pong"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong: raftfleet.wire.Pong.$Shape })
            );
        }
    }
}
