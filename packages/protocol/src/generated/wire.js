/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const raftfleet = $root.raftfleet = (() => {

    /**
     * Namespace raftfleet.
     * @exports raftfleet
     * @namespace
     */
    const raftfleet = {};

    raftfleet.raft = (function() {

        /**
         * Namespace raft.
         * @memberof raftfleet
         * @namespace
         */
        const raft = {};

        /**
         * EntryType enum.
         * @name raftfleet.raft.EntryType
         * @enum {number}
         * @property {number} ENTRY_TYPE_NORMAL=0 ENTRY_TYPE_NORMAL value
         * @property {number} ENTRY_TYPE_CONF_CHANGE=1 ENTRY_TYPE_CONF_CHANGE value
         * @property {number} ENTRY_TYPE_NOOP=2 ENTRY_TYPE_NOOP value
         */
        raft.EntryType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ENTRY_TYPE_NORMAL"] = 0;
            values[valuesById[1] = "ENTRY_TYPE_CONF_CHANGE"] = 1;
            values[valuesById[2] = "ENTRY_TYPE_NOOP"] = 2;
            return values;
        })();

        raft.Entry = (function() {

            /**
             * Properties of an Entry.
             * @typedef {Object} raftfleet.raft.Entry.$Properties
             * @property {number|Long|null} [term] Entry term
             * @property {number|Long|null} [index] Entry index
             * @property {raftfleet.raft.EntryType|null} [type] Entry type
             * @property {Uint8Array|null} [data] Entry data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Entry.
             * @memberof raftfleet.raft
             * @interface IEntry
             * @augments raftfleet.raft.Entry.$Properties
             * @deprecated Use raftfleet.raft.Entry.$Properties instead.
             */

            /**
             * Shape of an Entry.
             * @typedef {raftfleet.raft.Entry.$Properties} raftfleet.raft.Entry.$Shape
             */

            /**
             * Constructs a new Entry.
             * @memberof raftfleet.raft
             * @classdesc Represents an Entry.
             * @constructor
             * @param {raftfleet.raft.Entry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Entry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Entry term.
             * @member {number|Long} term
             * @memberof raftfleet.raft.Entry
             * @instance
             */
            Entry.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry index.
             * @member {number|Long} index
             * @memberof raftfleet.raft.Entry
             * @instance
             */
            Entry.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Entry type.
             * @member {raftfleet.raft.EntryType} type
             * @memberof raftfleet.raft.Entry
             * @instance
             */
            Entry.prototype.type = 0;

            /**
             * Entry data.
             * @member {Uint8Array} data
             * @memberof raftfleet.raft.Entry
             * @instance
             */
            Entry.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Entry instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Entry
             * @static
             * @param {raftfleet.raft.Entry.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Entry} Entry instance
             * @type {{
             *   (properties: raftfleet.raft.Entry.$Shape): raftfleet.raft.Entry & raftfleet.raft.Entry.$Shape;
             *   (properties?: raftfleet.raft.Entry.$Properties): raftfleet.raft.Entry;
             * }}
             */
            Entry.create = function(properties) {
                return new Entry(properties);
            };

            /**
             * Encodes the specified Entry message. Does not implicitly {@link raftfleet.raft.Entry.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Entry
             * @static
             * @param {raftfleet.raft.Entry.$Properties} message Entry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Entry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.term);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.index);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.type);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Entry message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Entry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Entry & raftfleet.raft.Entry.$Shape} Entry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Entry.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Entry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Entry;
        })();

        raft.HardState = (function() {

            /**
             * Properties of a HardState.
             * @typedef {Object} raftfleet.raft.HardState.$Properties
             * @property {number|Long|null} [term] HardState term
             * @property {string|null} [vote] HardState vote
             * @property {number|Long|null} [commit] HardState commit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HardState.
             * @memberof raftfleet.raft
             * @interface IHardState
             * @augments raftfleet.raft.HardState.$Properties
             * @deprecated Use raftfleet.raft.HardState.$Properties instead.
             */

            /**
             * Shape of a HardState.
             * @typedef {raftfleet.raft.HardState.$Properties} raftfleet.raft.HardState.$Shape
             */

            /**
             * Constructs a new HardState.
             * @memberof raftfleet.raft
             * @classdesc Represents a HardState.
             * @constructor
             * @param {raftfleet.raft.HardState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HardState = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HardState term.
             * @member {number|Long} term
             * @memberof raftfleet.raft.HardState
             * @instance
             */
            HardState.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * HardState vote.
             * @member {string} vote
             * @memberof raftfleet.raft.HardState
             * @instance
             */
            HardState.prototype.vote = "";

            /**
             * HardState commit.
             * @member {number|Long} commit
             * @memberof raftfleet.raft.HardState
             * @instance
             */
            HardState.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new HardState instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.HardState
             * @static
             * @param {raftfleet.raft.HardState.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.HardState} HardState instance
             * @type {{
             *   (properties: raftfleet.raft.HardState.$Shape): raftfleet.raft.HardState & raftfleet.raft.HardState.$Shape;
             *   (properties?: raftfleet.raft.HardState.$Properties): raftfleet.raft.HardState;
             * }}
             */
            HardState.create = function(properties) {
                return new HardState(properties);
            };

            /**
             * Encodes the specified HardState message. Does not implicitly {@link raftfleet.raft.HardState.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.HardState
             * @static
             * @param {raftfleet.raft.HardState.$Properties} message HardState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HardState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.term);
                if (message.vote != null && $Object.hasOwnProperty.call(message, "vote") && message.vote !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vote);
                if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && (typeof message.commit === "object" ? message.commit.low || message.commit.high : message.commit !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.commit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HardState message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.HardState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.HardState & raftfleet.raft.HardState.$Shape} HardState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HardState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.HardState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vote = value;
                            else
                                delete message.vote;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commit = value;
                            else
                                delete message.commit;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return HardState;
        })();

        raft.ConfState = (function() {

            /**
             * Properties of a ConfState.
             * @typedef {Object} raftfleet.raft.ConfState.$Properties
             * @property {Array.<string>|null} [voters] ConfState voters
             * @property {Array.<string>|null} [learners] ConfState learners
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfState.
             * @memberof raftfleet.raft
             * @interface IConfState
             * @augments raftfleet.raft.ConfState.$Properties
             * @deprecated Use raftfleet.raft.ConfState.$Properties instead.
             */

            /**
             * Shape of a ConfState.
             * @typedef {raftfleet.raft.ConfState.$Properties} raftfleet.raft.ConfState.$Shape
             */

            /**
             * Constructs a new ConfState.
             * @memberof raftfleet.raft
             * @classdesc Represents a ConfState.
             * @constructor
             * @param {raftfleet.raft.ConfState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfState = function (properties) {
                this.voters = [];
                this.learners = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ConfState voters.
             * @member {Array.<string>} voters
             * @memberof raftfleet.raft.ConfState
             * @instance
             */
            ConfState.prototype.voters = $util.emptyArray;

            /**
             * ConfState learners.
             * @member {Array.<string>} learners
             * @memberof raftfleet.raft.ConfState
             * @instance
             */
            ConfState.prototype.learners = $util.emptyArray;

            /**
             * Creates a new ConfState instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.ConfState
             * @static
             * @param {raftfleet.raft.ConfState.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.ConfState} ConfState instance
             * @type {{
             *   (properties: raftfleet.raft.ConfState.$Shape): raftfleet.raft.ConfState & raftfleet.raft.ConfState.$Shape;
             *   (properties?: raftfleet.raft.ConfState.$Properties): raftfleet.raft.ConfState;
             * }}
             */
            ConfState.create = function(properties) {
                return new ConfState(properties);
            };

            /**
             * Encodes the specified ConfState message. Does not implicitly {@link raftfleet.raft.ConfState.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.ConfState
             * @static
             * @param {raftfleet.raft.ConfState.$Properties} message ConfState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.voters != null && message.voters.length)
                    for (let i = 0; i < message.voters.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.voters[i]);
                if (message.learners != null && message.learners.length)
                    for (let i = 0; i < message.learners.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.learners[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ConfState message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.ConfState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.ConfState & raftfleet.raft.ConfState.$Shape} ConfState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.ConfState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.voters && message.voters.length))
                                message.voters = [];
                            message.voters.push(reader.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.learners && message.learners.length))
                                message.learners = [];
                            message.learners.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ConfState;
        })();

        /**
         * ConfChangeType enum.
         * @name raftfleet.raft.ConfChangeType
         * @enum {number}
         * @property {number} CONF_CHANGE_TYPE_UNSPECIFIED=0 CONF_CHANGE_TYPE_UNSPECIFIED value
         * @property {number} CONF_CHANGE_TYPE_ADD_LEARNER=1 CONF_CHANGE_TYPE_ADD_LEARNER value
         * @property {number} CONF_CHANGE_TYPE_PROMOTE=2 CONF_CHANGE_TYPE_PROMOTE value
         * @property {number} CONF_CHANGE_TYPE_ADD_VOTER=3 CONF_CHANGE_TYPE_ADD_VOTER value
         * @property {number} CONF_CHANGE_TYPE_REMOVE=4 CONF_CHANGE_TYPE_REMOVE value
         */
        raft.ConfChangeType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONF_CHANGE_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CONF_CHANGE_TYPE_ADD_LEARNER"] = 1;
            values[valuesById[2] = "CONF_CHANGE_TYPE_PROMOTE"] = 2;
            values[valuesById[3] = "CONF_CHANGE_TYPE_ADD_VOTER"] = 3;
            values[valuesById[4] = "CONF_CHANGE_TYPE_REMOVE"] = 4;
            return values;
        })();

        raft.ConfChange = (function() {

            /**
             * Properties of a ConfChange.
             * @typedef {Object} raftfleet.raft.ConfChange.$Properties
             * @property {raftfleet.raft.ConfChangeType|null} [type] ConfChange type
             * @property {string|null} [member] ConfChange member
             * @property {Uint8Array|null} [context] ConfChange context
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConfChange.
             * @memberof raftfleet.raft
             * @interface IConfChange
             * @augments raftfleet.raft.ConfChange.$Properties
             * @deprecated Use raftfleet.raft.ConfChange.$Properties instead.
             */

            /**
             * Shape of a ConfChange.
             * @typedef {raftfleet.raft.ConfChange.$Properties} raftfleet.raft.ConfChange.$Shape
             */

            /**
             * Constructs a new ConfChange.
             * @memberof raftfleet.raft
             * @classdesc Represents a ConfChange.
             * @constructor
             * @param {raftfleet.raft.ConfChange.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConfChange = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ConfChange type.
             * @member {raftfleet.raft.ConfChangeType} type
             * @memberof raftfleet.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.type = 0;

            /**
             * ConfChange member.
             * @member {string} member
             * @memberof raftfleet.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.member = "";

            /**
             * ConfChange context.
             * @member {Uint8Array} context
             * @memberof raftfleet.raft.ConfChange
             * @instance
             */
            ConfChange.prototype.context = $util.newBuffer([]);

            /**
             * Creates a new ConfChange instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.ConfChange
             * @static
             * @param {raftfleet.raft.ConfChange.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.ConfChange} ConfChange instance
             * @type {{
             *   (properties: raftfleet.raft.ConfChange.$Shape): raftfleet.raft.ConfChange & raftfleet.raft.ConfChange.$Shape;
             *   (properties?: raftfleet.raft.ConfChange.$Properties): raftfleet.raft.ConfChange;
             * }}
             */
            ConfChange.create = function(properties) {
                return new ConfChange(properties);
            };

            /**
             * Encodes the specified ConfChange message. Does not implicitly {@link raftfleet.raft.ConfChange.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.ConfChange
             * @static
             * @param {raftfleet.raft.ConfChange.$Properties} message ConfChange message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConfChange.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
                if (message.member != null && $Object.hasOwnProperty.call(message, "member") && message.member !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.member);
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.context);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ConfChange message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.ConfChange
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.ConfChange & raftfleet.raft.ConfChange.$Shape} ConfChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConfChange.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.ConfChange();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.member = value;
                            else
                                delete message.member;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ConfChange;
        })();

        raft.SnapshotMeta = (function() {

            /**
             * Properties of a SnapshotMeta.
             * @typedef {Object} raftfleet.raft.SnapshotMeta.$Properties
             * @property {number|Long|null} [index] SnapshotMeta index
             * @property {number|Long|null} [term] SnapshotMeta term
             * @property {raftfleet.raft.ConfState.$Properties|null} [conf] SnapshotMeta conf
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SnapshotMeta.
             * @memberof raftfleet.raft
             * @interface ISnapshotMeta
             * @augments raftfleet.raft.SnapshotMeta.$Properties
             * @deprecated Use raftfleet.raft.SnapshotMeta.$Properties instead.
             */

            /**
             * Shape of a SnapshotMeta.
             * @typedef {raftfleet.raft.SnapshotMeta.$Properties} raftfleet.raft.SnapshotMeta.$Shape
             */

            /**
             * Constructs a new SnapshotMeta.
             * @memberof raftfleet.raft
             * @classdesc Represents a SnapshotMeta.
             * @constructor
             * @param {raftfleet.raft.SnapshotMeta.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SnapshotMeta = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SnapshotMeta index.
             * @member {number|Long} index
             * @memberof raftfleet.raft.SnapshotMeta
             * @instance
             */
            SnapshotMeta.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMeta term.
             * @member {number|Long} term
             * @memberof raftfleet.raft.SnapshotMeta
             * @instance
             */
            SnapshotMeta.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotMeta conf.
             * @member {raftfleet.raft.ConfState.$Properties|null|undefined} conf
             * @memberof raftfleet.raft.SnapshotMeta
             * @instance
             */
            SnapshotMeta.prototype.conf = null;

            /**
             * Creates a new SnapshotMeta instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.SnapshotMeta
             * @static
             * @param {raftfleet.raft.SnapshotMeta.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.SnapshotMeta} SnapshotMeta instance
             * @type {{
             *   (properties: raftfleet.raft.SnapshotMeta.$Shape): raftfleet.raft.SnapshotMeta & raftfleet.raft.SnapshotMeta.$Shape;
             *   (properties?: raftfleet.raft.SnapshotMeta.$Properties): raftfleet.raft.SnapshotMeta;
             * }}
             */
            SnapshotMeta.create = function(properties) {
                return new SnapshotMeta(properties);
            };

            /**
             * Encodes the specified SnapshotMeta message. Does not implicitly {@link raftfleet.raft.SnapshotMeta.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.SnapshotMeta
             * @static
             * @param {raftfleet.raft.SnapshotMeta.$Properties} message SnapshotMeta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotMeta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.index);
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.term);
                if (message.conf != null && $Object.hasOwnProperty.call(message, "conf"))
                    $root.raftfleet.raft.ConfState.encode(message.conf, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SnapshotMeta message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.SnapshotMeta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.SnapshotMeta & raftfleet.raft.SnapshotMeta.$Shape} SnapshotMeta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotMeta.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.SnapshotMeta();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.conf = $root.raftfleet.raft.ConfState.decode(reader, reader.size(), $undefined, _depth + 1, message.conf);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SnapshotMeta;
        })();

        raft.Snapshot = (function() {

            /**
             * Properties of a Snapshot.
             * @typedef {Object} raftfleet.raft.Snapshot.$Properties
             * @property {raftfleet.raft.SnapshotMeta.$Properties|null} [meta] Snapshot meta
             * @property {Uint8Array|null} [data] Snapshot data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Snapshot.
             * @memberof raftfleet.raft
             * @interface ISnapshot
             * @augments raftfleet.raft.Snapshot.$Properties
             * @deprecated Use raftfleet.raft.Snapshot.$Properties instead.
             */

            /**
             * Shape of a Snapshot.
             * @typedef {raftfleet.raft.Snapshot.$Properties} raftfleet.raft.Snapshot.$Shape
             */

            /**
             * Constructs a new Snapshot.
             * @memberof raftfleet.raft
             * @classdesc Represents a Snapshot.
             * @constructor
             * @param {raftfleet.raft.Snapshot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Snapshot = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Snapshot meta.
             * @member {raftfleet.raft.SnapshotMeta.$Properties|null|undefined} meta
             * @memberof raftfleet.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.meta = null;

            /**
             * Snapshot data.
             * @member {Uint8Array} data
             * @memberof raftfleet.raft.Snapshot
             * @instance
             */
            Snapshot.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new Snapshot instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Snapshot
             * @static
             * @param {raftfleet.raft.Snapshot.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Snapshot} Snapshot instance
             * @type {{
             *   (properties: raftfleet.raft.Snapshot.$Shape): raftfleet.raft.Snapshot & raftfleet.raft.Snapshot.$Shape;
             *   (properties?: raftfleet.raft.Snapshot.$Properties): raftfleet.raft.Snapshot;
             * }}
             */
            Snapshot.create = function(properties) {
                return new Snapshot(properties);
            };

            /**
             * Encodes the specified Snapshot message. Does not implicitly {@link raftfleet.raft.Snapshot.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Snapshot
             * @static
             * @param {raftfleet.raft.Snapshot.$Properties} message Snapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Snapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    $root.raftfleet.raft.SnapshotMeta.encode(message.meta, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Snapshot message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Snapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Snapshot & raftfleet.raft.Snapshot.$Shape} Snapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Snapshot.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Snapshot();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.meta = $root.raftfleet.raft.SnapshotMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.meta);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Snapshot;
        })();

        raft.Append = (function() {

            /**
             * Properties of an Append.
             * @typedef {Object} raftfleet.raft.Append.$Properties
             * @property {number|Long|null} [prevIndex] Append prevIndex
             * @property {number|Long|null} [prevTerm] Append prevTerm
             * @property {Array.<raftfleet.raft.Entry.$Properties>|null} [entries] Append entries
             * @property {number|Long|null} [commit] Append commit
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Append.
             * @memberof raftfleet.raft
             * @interface IAppend
             * @augments raftfleet.raft.Append.$Properties
             * @deprecated Use raftfleet.raft.Append.$Properties instead.
             */

            /**
             * Shape of an Append.
             * @typedef {raftfleet.raft.Append.$Properties} raftfleet.raft.Append.$Shape
             */

            /**
             * Constructs a new Append.
             * @memberof raftfleet.raft
             * @classdesc Represents an Append.
             * @constructor
             * @param {raftfleet.raft.Append.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Append = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Append prevIndex.
             * @member {number|Long} prevIndex
             * @memberof raftfleet.raft.Append
             * @instance
             */
            Append.prototype.prevIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Append prevTerm.
             * @member {number|Long} prevTerm
             * @memberof raftfleet.raft.Append
             * @instance
             */
            Append.prototype.prevTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Append entries.
             * @member {Array.<raftfleet.raft.Entry.$Properties>} entries
             * @memberof raftfleet.raft.Append
             * @instance
             */
            Append.prototype.entries = $util.emptyArray;

            /**
             * Append commit.
             * @member {number|Long} commit
             * @memberof raftfleet.raft.Append
             * @instance
             */
            Append.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Append instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Append
             * @static
             * @param {raftfleet.raft.Append.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Append} Append instance
             * @type {{
             *   (properties: raftfleet.raft.Append.$Shape): raftfleet.raft.Append & raftfleet.raft.Append.$Shape;
             *   (properties?: raftfleet.raft.Append.$Properties): raftfleet.raft.Append;
             * }}
             */
            Append.create = function(properties) {
                return new Append(properties);
            };

            /**
             * Encodes the specified Append message. Does not implicitly {@link raftfleet.raft.Append.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Append
             * @static
             * @param {raftfleet.raft.Append.$Properties} message Append message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Append.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.prevIndex != null && $Object.hasOwnProperty.call(message, "prevIndex") && (typeof message.prevIndex === "object" ? message.prevIndex.low || message.prevIndex.high : message.prevIndex !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.prevIndex);
                if (message.prevTerm != null && $Object.hasOwnProperty.call(message, "prevTerm") && (typeof message.prevTerm === "object" ? message.prevTerm.low || message.prevTerm.high : message.prevTerm !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.prevTerm);
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.raftfleet.raft.Entry.encode(message.entries[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && (typeof message.commit === "object" ? message.commit.low || message.commit.high : message.commit !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.commit);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Append message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Append
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Append & raftfleet.raft.Append.$Shape} Append
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Append.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Append();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.prevIndex = value;
                            else
                                delete message.prevIndex;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.prevTerm = value;
                            else
                                delete message.prevTerm;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.raftfleet.raft.Entry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commit = value;
                            else
                                delete message.commit;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Append;
        })();

        raft.AppendResponse = (function() {

            /**
             * Properties of an AppendResponse.
             * @typedef {Object} raftfleet.raft.AppendResponse.$Properties
             * @property {boolean|null} [reject] AppendResponse reject
             * @property {number|Long|null} [index] AppendResponse index
             * @property {number|Long|null} [hintIndex] AppendResponse hintIndex
             * @property {number|Long|null} [hintTerm] AppendResponse hintTerm
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AppendResponse.
             * @memberof raftfleet.raft
             * @interface IAppendResponse
             * @augments raftfleet.raft.AppendResponse.$Properties
             * @deprecated Use raftfleet.raft.AppendResponse.$Properties instead.
             */

            /**
             * Shape of an AppendResponse.
             * @typedef {raftfleet.raft.AppendResponse.$Properties} raftfleet.raft.AppendResponse.$Shape
             */

            /**
             * Constructs a new AppendResponse.
             * @memberof raftfleet.raft
             * @classdesc Represents an AppendResponse.
             * @constructor
             * @param {raftfleet.raft.AppendResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AppendResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AppendResponse reject.
             * @member {boolean} reject
             * @memberof raftfleet.raft.AppendResponse
             * @instance
             */
            AppendResponse.prototype.reject = false;

            /**
             * AppendResponse index.
             * @member {number|Long} index
             * @memberof raftfleet.raft.AppendResponse
             * @instance
             */
            AppendResponse.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AppendResponse hintIndex.
             * @member {number|Long} hintIndex
             * @memberof raftfleet.raft.AppendResponse
             * @instance
             */
            AppendResponse.prototype.hintIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AppendResponse hintTerm.
             * @member {number|Long} hintTerm
             * @memberof raftfleet.raft.AppendResponse
             * @instance
             */
            AppendResponse.prototype.hintTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new AppendResponse instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.AppendResponse
             * @static
             * @param {raftfleet.raft.AppendResponse.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.AppendResponse} AppendResponse instance
             * @type {{
             *   (properties: raftfleet.raft.AppendResponse.$Shape): raftfleet.raft.AppendResponse & raftfleet.raft.AppendResponse.$Shape;
             *   (properties?: raftfleet.raft.AppendResponse.$Properties): raftfleet.raft.AppendResponse;
             * }}
             */
            AppendResponse.create = function(properties) {
                return new AppendResponse(properties);
            };

            /**
             * Encodes the specified AppendResponse message. Does not implicitly {@link raftfleet.raft.AppendResponse.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.AppendResponse
             * @static
             * @param {raftfleet.raft.AppendResponse.$Properties} message AppendResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AppendResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject") && message.reject !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.reject);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.index);
                if (message.hintIndex != null && $Object.hasOwnProperty.call(message, "hintIndex") && (typeof message.hintIndex === "object" ? message.hintIndex.low || message.hintIndex.high : message.hintIndex !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.hintIndex);
                if (message.hintTerm != null && $Object.hasOwnProperty.call(message, "hintTerm") && (typeof message.hintTerm === "object" ? message.hintTerm.low || message.hintTerm.high : message.hintTerm !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.hintTerm);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AppendResponse message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.AppendResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.AppendResponse & raftfleet.raft.AppendResponse.$Shape} AppendResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AppendResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.AppendResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.reject = value;
                            else
                                delete message.reject;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.hintIndex = value;
                            else
                                delete message.hintIndex;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.hintTerm = value;
                            else
                                delete message.hintTerm;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return AppendResponse;
        })();

        raft.VoteRequest = (function() {

            /**
             * Properties of a VoteRequest.
             * @typedef {Object} raftfleet.raft.VoteRequest.$Properties
             * @property {number|Long|null} [lastIndex] VoteRequest lastIndex
             * @property {number|Long|null} [lastTerm] VoteRequest lastTerm
             * @property {boolean|null} [transfer] VoteRequest transfer
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VoteRequest.
             * @memberof raftfleet.raft
             * @interface IVoteRequest
             * @augments raftfleet.raft.VoteRequest.$Properties
             * @deprecated Use raftfleet.raft.VoteRequest.$Properties instead.
             */

            /**
             * Shape of a VoteRequest.
             * @typedef {raftfleet.raft.VoteRequest.$Properties} raftfleet.raft.VoteRequest.$Shape
             */

            /**
             * Constructs a new VoteRequest.
             * @memberof raftfleet.raft
             * @classdesc Represents a VoteRequest.
             * @constructor
             * @param {raftfleet.raft.VoteRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VoteRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VoteRequest lastIndex.
             * @member {number|Long} lastIndex
             * @memberof raftfleet.raft.VoteRequest
             * @instance
             */
            VoteRequest.prototype.lastIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VoteRequest lastTerm.
             * @member {number|Long} lastTerm
             * @memberof raftfleet.raft.VoteRequest
             * @instance
             */
            VoteRequest.prototype.lastTerm = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VoteRequest transfer.
             * @member {boolean} transfer
             * @memberof raftfleet.raft.VoteRequest
             * @instance
             */
            VoteRequest.prototype.transfer = false;

            /**
             * Creates a new VoteRequest instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.VoteRequest
             * @static
             * @param {raftfleet.raft.VoteRequest.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.VoteRequest} VoteRequest instance
             * @type {{
             *   (properties: raftfleet.raft.VoteRequest.$Shape): raftfleet.raft.VoteRequest & raftfleet.raft.VoteRequest.$Shape;
             *   (properties?: raftfleet.raft.VoteRequest.$Properties): raftfleet.raft.VoteRequest;
             * }}
             */
            VoteRequest.create = function(properties) {
                return new VoteRequest(properties);
            };

            /**
             * Encodes the specified VoteRequest message. Does not implicitly {@link raftfleet.raft.VoteRequest.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.VoteRequest
             * @static
             * @param {raftfleet.raft.VoteRequest.$Properties} message VoteRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VoteRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.lastIndex != null && $Object.hasOwnProperty.call(message, "lastIndex") && (typeof message.lastIndex === "object" ? message.lastIndex.low || message.lastIndex.high : message.lastIndex !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.lastIndex);
                if (message.lastTerm != null && $Object.hasOwnProperty.call(message, "lastTerm") && (typeof message.lastTerm === "object" ? message.lastTerm.low || message.lastTerm.high : message.lastTerm !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.lastTerm);
                if (message.transfer != null && $Object.hasOwnProperty.call(message, "transfer") && message.transfer !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.transfer);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VoteRequest message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.VoteRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.VoteRequest & raftfleet.raft.VoteRequest.$Shape} VoteRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VoteRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.VoteRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastIndex = value;
                            else
                                delete message.lastIndex;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastTerm = value;
                            else
                                delete message.lastTerm;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.transfer = value;
                            else
                                delete message.transfer;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return VoteRequest;
        })();

        raft.VoteResponse = (function() {

            /**
             * Properties of a VoteResponse.
             * @typedef {Object} raftfleet.raft.VoteResponse.$Properties
             * @property {boolean|null} [granted] VoteResponse granted
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VoteResponse.
             * @memberof raftfleet.raft
             * @interface IVoteResponse
             * @augments raftfleet.raft.VoteResponse.$Properties
             * @deprecated Use raftfleet.raft.VoteResponse.$Properties instead.
             */

            /**
             * Shape of a VoteResponse.
             * @typedef {raftfleet.raft.VoteResponse.$Properties} raftfleet.raft.VoteResponse.$Shape
             */

            /**
             * Constructs a new VoteResponse.
             * @memberof raftfleet.raft
             * @classdesc Represents a VoteResponse.
             * @constructor
             * @param {raftfleet.raft.VoteResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VoteResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VoteResponse granted.
             * @member {boolean} granted
             * @memberof raftfleet.raft.VoteResponse
             * @instance
             */
            VoteResponse.prototype.granted = false;

            /**
             * Creates a new VoteResponse instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.VoteResponse
             * @static
             * @param {raftfleet.raft.VoteResponse.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.VoteResponse} VoteResponse instance
             * @type {{
             *   (properties: raftfleet.raft.VoteResponse.$Shape): raftfleet.raft.VoteResponse & raftfleet.raft.VoteResponse.$Shape;
             *   (properties?: raftfleet.raft.VoteResponse.$Properties): raftfleet.raft.VoteResponse;
             * }}
             */
            VoteResponse.create = function(properties) {
                return new VoteResponse(properties);
            };

            /**
             * Encodes the specified VoteResponse message. Does not implicitly {@link raftfleet.raft.VoteResponse.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.VoteResponse
             * @static
             * @param {raftfleet.raft.VoteResponse.$Properties} message VoteResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VoteResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.granted != null && $Object.hasOwnProperty.call(message, "granted") && message.granted !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.granted);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VoteResponse message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.VoteResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.VoteResponse & raftfleet.raft.VoteResponse.$Shape} VoteResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VoteResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.VoteResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.granted = value;
                            else
                                delete message.granted;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return VoteResponse;
        })();

        raft.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} raftfleet.raft.Heartbeat.$Properties
             * @property {number|Long|null} [commit] Heartbeat commit
             * @property {string|null} [context] Heartbeat context
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof raftfleet.raft
             * @interface IHeartbeat
             * @augments raftfleet.raft.Heartbeat.$Properties
             * @deprecated Use raftfleet.raft.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {raftfleet.raft.Heartbeat.$Properties} raftfleet.raft.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof raftfleet.raft
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {raftfleet.raft.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat commit.
             * @member {number|Long} commit
             * @memberof raftfleet.raft.Heartbeat
             * @instance
             */
            Heartbeat.prototype.commit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat context.
             * @member {string} context
             * @memberof raftfleet.raft.Heartbeat
             * @instance
             */
            Heartbeat.prototype.context = "";

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Heartbeat
             * @static
             * @param {raftfleet.raft.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: raftfleet.raft.Heartbeat.$Shape): raftfleet.raft.Heartbeat & raftfleet.raft.Heartbeat.$Shape;
             *   (properties?: raftfleet.raft.Heartbeat.$Properties): raftfleet.raft.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link raftfleet.raft.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Heartbeat
             * @static
             * @param {raftfleet.raft.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.commit != null && $Object.hasOwnProperty.call(message, "commit") && (typeof message.commit === "object" ? message.commit.low || message.commit.high : message.commit !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.commit);
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.context);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Heartbeat & raftfleet.raft.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commit = value;
                            else
                                delete message.commit;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Heartbeat;
        })();

        raft.HeartbeatResponse = (function() {

            /**
             * Properties of a HeartbeatResponse.
             * @typedef {Object} raftfleet.raft.HeartbeatResponse.$Properties
             * @property {string|null} [context] HeartbeatResponse context
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HeartbeatResponse.
             * @memberof raftfleet.raft
             * @interface IHeartbeatResponse
             * @augments raftfleet.raft.HeartbeatResponse.$Properties
             * @deprecated Use raftfleet.raft.HeartbeatResponse.$Properties instead.
             */

            /**
             * Shape of a HeartbeatResponse.
             * @typedef {raftfleet.raft.HeartbeatResponse.$Properties} raftfleet.raft.HeartbeatResponse.$Shape
             */

            /**
             * Constructs a new HeartbeatResponse.
             * @memberof raftfleet.raft
             * @classdesc Represents a HeartbeatResponse.
             * @constructor
             * @param {raftfleet.raft.HeartbeatResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HeartbeatResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HeartbeatResponse context.
             * @member {string} context
             * @memberof raftfleet.raft.HeartbeatResponse
             * @instance
             */
            HeartbeatResponse.prototype.context = "";

            /**
             * Creates a new HeartbeatResponse instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.HeartbeatResponse
             * @static
             * @param {raftfleet.raft.HeartbeatResponse.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.HeartbeatResponse} HeartbeatResponse instance
             * @type {{
             *   (properties: raftfleet.raft.HeartbeatResponse.$Shape): raftfleet.raft.HeartbeatResponse & raftfleet.raft.HeartbeatResponse.$Shape;
             *   (properties?: raftfleet.raft.HeartbeatResponse.$Properties): raftfleet.raft.HeartbeatResponse;
             * }}
             */
            HeartbeatResponse.create = function(properties) {
                return new HeartbeatResponse(properties);
            };

            /**
             * Encodes the specified HeartbeatResponse message. Does not implicitly {@link raftfleet.raft.HeartbeatResponse.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.HeartbeatResponse
             * @static
             * @param {raftfleet.raft.HeartbeatResponse.$Properties} message HeartbeatResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeartbeatResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.context);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HeartbeatResponse message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.HeartbeatResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.HeartbeatResponse & raftfleet.raft.HeartbeatResponse.$Shape} HeartbeatResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeartbeatResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.HeartbeatResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return HeartbeatResponse;
        })();

        raft.InstallSnapshot = (function() {

            /**
             * Properties of an InstallSnapshot.
             * @typedef {Object} raftfleet.raft.InstallSnapshot.$Properties
             * @property {raftfleet.raft.Snapshot.$Properties|null} [snapshot] InstallSnapshot snapshot
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstallSnapshot.
             * @memberof raftfleet.raft
             * @interface IInstallSnapshot
             * @augments raftfleet.raft.InstallSnapshot.$Properties
             * @deprecated Use raftfleet.raft.InstallSnapshot.$Properties instead.
             */

            /**
             * Shape of an InstallSnapshot.
             * @typedef {raftfleet.raft.InstallSnapshot.$Properties} raftfleet.raft.InstallSnapshot.$Shape
             */

            /**
             * Constructs a new InstallSnapshot.
             * @memberof raftfleet.raft
             * @classdesc Represents an InstallSnapshot.
             * @constructor
             * @param {raftfleet.raft.InstallSnapshot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstallSnapshot = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InstallSnapshot snapshot.
             * @member {raftfleet.raft.Snapshot.$Properties|null|undefined} snapshot
             * @memberof raftfleet.raft.InstallSnapshot
             * @instance
             */
            InstallSnapshot.prototype.snapshot = null;

            /**
             * Creates a new InstallSnapshot instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.InstallSnapshot
             * @static
             * @param {raftfleet.raft.InstallSnapshot.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.InstallSnapshot} InstallSnapshot instance
             * @type {{
             *   (properties: raftfleet.raft.InstallSnapshot.$Shape): raftfleet.raft.InstallSnapshot & raftfleet.raft.InstallSnapshot.$Shape;
             *   (properties?: raftfleet.raft.InstallSnapshot.$Properties): raftfleet.raft.InstallSnapshot;
             * }}
             */
            InstallSnapshot.create = function(properties) {
                return new InstallSnapshot(properties);
            };

            /**
             * Encodes the specified InstallSnapshot message. Does not implicitly {@link raftfleet.raft.InstallSnapshot.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.InstallSnapshot
             * @static
             * @param {raftfleet.raft.InstallSnapshot.$Properties} message InstallSnapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstallSnapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    $root.raftfleet.raft.Snapshot.encode(message.snapshot, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an InstallSnapshot message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.InstallSnapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.InstallSnapshot & raftfleet.raft.InstallSnapshot.$Shape} InstallSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstallSnapshot.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.InstallSnapshot();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.snapshot = $root.raftfleet.raft.Snapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshot);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return InstallSnapshot;
        })();

        raft.SnapshotChunk = (function() {

            /**
             * Properties of a SnapshotChunk.
             * @typedef {Object} raftfleet.raft.SnapshotChunk.$Properties
             * @property {raftfleet.raft.SnapshotMeta.$Properties|null} [meta] SnapshotChunk meta
             * @property {number|Long|null} [offset] SnapshotChunk offset
             * @property {Uint8Array|null} [data] SnapshotChunk data
             * @property {boolean|null} [last] SnapshotChunk last
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SnapshotChunk.
             * @memberof raftfleet.raft
             * @interface ISnapshotChunk
             * @augments raftfleet.raft.SnapshotChunk.$Properties
             * @deprecated Use raftfleet.raft.SnapshotChunk.$Properties instead.
             */

            /**
             * Shape of a SnapshotChunk.
             * @typedef {raftfleet.raft.SnapshotChunk.$Properties} raftfleet.raft.SnapshotChunk.$Shape
             */

            /**
             * Constructs a new SnapshotChunk.
             * @memberof raftfleet.raft
             * @classdesc Represents a SnapshotChunk.
             * @constructor
             * @param {raftfleet.raft.SnapshotChunk.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SnapshotChunk = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SnapshotChunk meta.
             * @member {raftfleet.raft.SnapshotMeta.$Properties|null|undefined} meta
             * @memberof raftfleet.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.meta = null;

            /**
             * SnapshotChunk offset.
             * @member {number|Long} offset
             * @memberof raftfleet.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SnapshotChunk data.
             * @member {Uint8Array} data
             * @memberof raftfleet.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.data = $util.newBuffer([]);

            /**
             * SnapshotChunk last.
             * @member {boolean} last
             * @memberof raftfleet.raft.SnapshotChunk
             * @instance
             */
            SnapshotChunk.prototype.last = false;

            /**
             * Creates a new SnapshotChunk instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.SnapshotChunk
             * @static
             * @param {raftfleet.raft.SnapshotChunk.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.SnapshotChunk} SnapshotChunk instance
             * @type {{
             *   (properties: raftfleet.raft.SnapshotChunk.$Shape): raftfleet.raft.SnapshotChunk & raftfleet.raft.SnapshotChunk.$Shape;
             *   (properties?: raftfleet.raft.SnapshotChunk.$Properties): raftfleet.raft.SnapshotChunk;
             * }}
             */
            SnapshotChunk.create = function(properties) {
                return new SnapshotChunk(properties);
            };

            /**
             * Encodes the specified SnapshotChunk message. Does not implicitly {@link raftfleet.raft.SnapshotChunk.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.SnapshotChunk
             * @static
             * @param {raftfleet.raft.SnapshotChunk.$Properties} message SnapshotChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SnapshotChunk.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.meta != null && $Object.hasOwnProperty.call(message, "meta"))
                    $root.raftfleet.raft.SnapshotMeta.encode(message.meta, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.offset);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                if (message.last != null && $Object.hasOwnProperty.call(message, "last") && message.last !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.last);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SnapshotChunk message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.SnapshotChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.SnapshotChunk & raftfleet.raft.SnapshotChunk.$Shape} SnapshotChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SnapshotChunk.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.SnapshotChunk();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.meta = $root.raftfleet.raft.SnapshotMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.meta);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.offset = value;
                            else
                                delete message.offset;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.last = value;
                            else
                                delete message.last;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return SnapshotChunk;
        })();

        raft.TimeoutNow = (function() {

            /**
             * Properties of a TimeoutNow.
             * @typedef {Object} raftfleet.raft.TimeoutNow.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TimeoutNow.
             * @memberof raftfleet.raft
             * @interface ITimeoutNow
             * @augments raftfleet.raft.TimeoutNow.$Properties
             * @deprecated Use raftfleet.raft.TimeoutNow.$Properties instead.
             */

            /**
             * Shape of a TimeoutNow.
             * @typedef {raftfleet.raft.TimeoutNow.$Properties} raftfleet.raft.TimeoutNow.$Shape
             */

            /**
             * Constructs a new TimeoutNow.
             * @memberof raftfleet.raft
             * @classdesc Represents a TimeoutNow.
             * @constructor
             * @param {raftfleet.raft.TimeoutNow.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TimeoutNow = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new TimeoutNow instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.TimeoutNow
             * @static
             * @param {raftfleet.raft.TimeoutNow.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.TimeoutNow} TimeoutNow instance
             * @type {{
             *   (properties: raftfleet.raft.TimeoutNow.$Shape): raftfleet.raft.TimeoutNow & raftfleet.raft.TimeoutNow.$Shape;
             *   (properties?: raftfleet.raft.TimeoutNow.$Properties): raftfleet.raft.TimeoutNow;
             * }}
             */
            TimeoutNow.create = function(properties) {
                return new TimeoutNow(properties);
            };

            /**
             * Encodes the specified TimeoutNow message. Does not implicitly {@link raftfleet.raft.TimeoutNow.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.TimeoutNow
             * @static
             * @param {raftfleet.raft.TimeoutNow.$Properties} message TimeoutNow message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TimeoutNow.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TimeoutNow message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.TimeoutNow
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.TimeoutNow & raftfleet.raft.TimeoutNow.$Shape} TimeoutNow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TimeoutNow.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.TimeoutNow();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return TimeoutNow;
        })();

        raft.ReadIndex = (function() {

            /**
             * Properties of a ReadIndex.
             * @typedef {Object} raftfleet.raft.ReadIndex.$Properties
             * @property {string|null} [context] ReadIndex context
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadIndex.
             * @memberof raftfleet.raft
             * @interface IReadIndex
             * @augments raftfleet.raft.ReadIndex.$Properties
             * @deprecated Use raftfleet.raft.ReadIndex.$Properties instead.
             */

            /**
             * Shape of a ReadIndex.
             * @typedef {raftfleet.raft.ReadIndex.$Properties} raftfleet.raft.ReadIndex.$Shape
             */

            /**
             * Constructs a new ReadIndex.
             * @memberof raftfleet.raft
             * @classdesc Represents a ReadIndex.
             * @constructor
             * @param {raftfleet.raft.ReadIndex.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadIndex = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReadIndex context.
             * @member {string} context
             * @memberof raftfleet.raft.ReadIndex
             * @instance
             */
            ReadIndex.prototype.context = "";

            /**
             * Creates a new ReadIndex instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.ReadIndex
             * @static
             * @param {raftfleet.raft.ReadIndex.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.ReadIndex} ReadIndex instance
             * @type {{
             *   (properties: raftfleet.raft.ReadIndex.$Shape): raftfleet.raft.ReadIndex & raftfleet.raft.ReadIndex.$Shape;
             *   (properties?: raftfleet.raft.ReadIndex.$Properties): raftfleet.raft.ReadIndex;
             * }}
             */
            ReadIndex.create = function(properties) {
                return new ReadIndex(properties);
            };

            /**
             * Encodes the specified ReadIndex message. Does not implicitly {@link raftfleet.raft.ReadIndex.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.ReadIndex
             * @static
             * @param {raftfleet.raft.ReadIndex.$Properties} message ReadIndex message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadIndex.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.context);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReadIndex message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.ReadIndex
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.ReadIndex & raftfleet.raft.ReadIndex.$Shape} ReadIndex
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadIndex.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.ReadIndex();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ReadIndex;
        })();

        raft.ReadIndexResponse = (function() {

            /**
             * Properties of a ReadIndexResponse.
             * @typedef {Object} raftfleet.raft.ReadIndexResponse.$Properties
             * @property {string|null} [context] ReadIndexResponse context
             * @property {number|Long|null} [index] ReadIndexResponse index
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadIndexResponse.
             * @memberof raftfleet.raft
             * @interface IReadIndexResponse
             * @augments raftfleet.raft.ReadIndexResponse.$Properties
             * @deprecated Use raftfleet.raft.ReadIndexResponse.$Properties instead.
             */

            /**
             * Shape of a ReadIndexResponse.
             * @typedef {raftfleet.raft.ReadIndexResponse.$Properties} raftfleet.raft.ReadIndexResponse.$Shape
             */

            /**
             * Constructs a new ReadIndexResponse.
             * @memberof raftfleet.raft
             * @classdesc Represents a ReadIndexResponse.
             * @constructor
             * @param {raftfleet.raft.ReadIndexResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadIndexResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReadIndexResponse context.
             * @member {string} context
             * @memberof raftfleet.raft.ReadIndexResponse
             * @instance
             */
            ReadIndexResponse.prototype.context = "";

            /**
             * ReadIndexResponse index.
             * @member {number|Long} index
             * @memberof raftfleet.raft.ReadIndexResponse
             * @instance
             */
            ReadIndexResponse.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new ReadIndexResponse instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.ReadIndexResponse
             * @static
             * @param {raftfleet.raft.ReadIndexResponse.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.ReadIndexResponse} ReadIndexResponse instance
             * @type {{
             *   (properties: raftfleet.raft.ReadIndexResponse.$Shape): raftfleet.raft.ReadIndexResponse & raftfleet.raft.ReadIndexResponse.$Shape;
             *   (properties?: raftfleet.raft.ReadIndexResponse.$Properties): raftfleet.raft.ReadIndexResponse;
             * }}
             */
            ReadIndexResponse.create = function(properties) {
                return new ReadIndexResponse(properties);
            };

            /**
             * Encodes the specified ReadIndexResponse message. Does not implicitly {@link raftfleet.raft.ReadIndexResponse.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.ReadIndexResponse
             * @static
             * @param {raftfleet.raft.ReadIndexResponse.$Properties} message ReadIndexResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadIndexResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.context != null && $Object.hasOwnProperty.call(message, "context") && message.context !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.context);
                if (message.index != null && $Object.hasOwnProperty.call(message, "index") && (typeof message.index === "object" ? message.index.low || message.index.high : message.index !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.index);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReadIndexResponse message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.ReadIndexResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.ReadIndexResponse & raftfleet.raft.ReadIndexResponse.$Shape} ReadIndexResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadIndexResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.ReadIndexResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.context = value;
                            else
                                delete message.context;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.index = value;
                            else
                                delete message.index;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return ReadIndexResponse;
        })();

        raft.Message = (function() {

            /**
             * Properties of a Message.
             * @typedef {Object} raftfleet.raft.Message.$Properties
             * @property {number|Long|null} [term] Message term
             * @property {string|null} [from] Message from
             * @property {string|null} [to] Message to
             * @property {raftfleet.raft.Append.$Properties|null} [append] Message append
             * @property {raftfleet.raft.AppendResponse.$Properties|null} [appendResponse] Message appendResponse
             * @property {raftfleet.raft.VoteRequest.$Properties|null} [vote] Message vote
             * @property {raftfleet.raft.VoteRequest.$Properties|null} [preVote] Message preVote
             * @property {raftfleet.raft.VoteResponse.$Properties|null} [voteResponse] Message voteResponse
             * @property {raftfleet.raft.VoteResponse.$Properties|null} [preVoteResponse] Message preVoteResponse
             * @property {raftfleet.raft.Heartbeat.$Properties|null} [heartbeat] Message heartbeat
             * @property {raftfleet.raft.HeartbeatResponse.$Properties|null} [heartbeatResponse] Message heartbeatResponse
             * @property {raftfleet.raft.InstallSnapshot.$Properties|null} [snapshot] Message snapshot
             * @property {raftfleet.raft.SnapshotChunk.$Properties|null} [snapshotChunk] Message snapshotChunk
             * @property {raftfleet.raft.TimeoutNow.$Properties|null} [timeoutNow] Message timeoutNow
             * @property {raftfleet.raft.ReadIndex.$Properties|null} [readIndex] Message readIndex
             * @property {raftfleet.raft.ReadIndexResponse.$Properties|null} [readIndexResponse] Message readIndexResponse
             * @property {"append"|"appendResponse"|"vote"|"preVote"|"voteResponse"|"preVoteResponse"|"heartbeat"|"heartbeatResponse"|"snapshot"|"snapshotChunk"|"timeoutNow"|"readIndex"|"readIndexResponse"} [body] Message body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Message.
             * @memberof raftfleet.raft
             * @interface IMessage
             * @augments raftfleet.raft.Message.$Properties
             * @deprecated Use raftfleet.raft.Message.$Properties instead.
             */

            /**
             * Narrowed shape of a Message.
             * @typedef {{
             *   term?: number|Long|null;
             *   from?: string|null;
             *   to?: string|null;
             *   append?: raftfleet.raft.Append.$Shape|null;
             *   appendResponse?: raftfleet.raft.AppendResponse.$Shape|null;
             *   vote?: raftfleet.raft.VoteRequest.$Shape|null;
             *   preVote?: raftfleet.raft.VoteRequest.$Shape|null;
             *   voteResponse?: raftfleet.raft.VoteResponse.$Shape|null;
             *   preVoteResponse?: raftfleet.raft.VoteResponse.$Shape|null;
             *   heartbeat?: raftfleet.raft.Heartbeat.$Shape|null;
             *   heartbeatResponse?: raftfleet.raft.HeartbeatResponse.$Shape|null;
             *   snapshot?: raftfleet.raft.InstallSnapshot.$Shape|null;
             *   snapshotChunk?: raftfleet.raft.SnapshotChunk.$Shape|null;
             *   timeoutNow?: raftfleet.raft.TimeoutNow.$Shape|null;
             *   readIndex?: raftfleet.raft.ReadIndex.$Shape|null;
             *   readIndexResponse?: raftfleet.raft.ReadIndexResponse.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "append"; append: raftfleet.raft.Append.$Shape; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "appendResponse"; append?: null; appendResponse: raftfleet.raft.AppendResponse.$Shape; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "vote"; append?: null; appendResponse?: null; vote: raftfleet.raft.VoteRequest.$Shape; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "preVote"; append?: null; appendResponse?: null; vote?: null; preVote: raftfleet.raft.VoteRequest.$Shape; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "voteResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse: raftfleet.raft.VoteResponse.$Shape; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "preVoteResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse: raftfleet.raft.VoteResponse.$Shape; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "heartbeat"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat: raftfleet.raft.Heartbeat.$Shape; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "heartbeatResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse: raftfleet.raft.HeartbeatResponse.$Shape; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "snapshot"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot: raftfleet.raft.InstallSnapshot.$Shape; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "snapshotChunk"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk: raftfleet.raft.SnapshotChunk.$Shape; timeoutNow?: null; readIndex?: null; readIndexResponse?: null }|{ body?: "timeoutNow"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow: raftfleet.raft.TimeoutNow.$Shape; readIndex?: null; readIndexResponse?: null }|{ body?: "readIndex"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex: raftfleet.raft.ReadIndex.$Shape; readIndexResponse?: null }|{ body?: "readIndexResponse"; append?: null; appendResponse?: null; vote?: null; preVote?: null; voteResponse?: null; preVoteResponse?: null; heartbeat?: null; heartbeatResponse?: null; snapshot?: null; snapshotChunk?: null; timeoutNow?: null; readIndex?: null; readIndexResponse: raftfleet.raft.ReadIndexResponse.$Shape })
             * )} raftfleet.raft.Message.$Shape
             */

            /**
             * Constructs a new Message.
             * @memberof raftfleet.raft
             * @classdesc Represents a Message.
             * @constructor
             * @param {raftfleet.raft.Message.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Message = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Message term.
             * @member {number|Long} term
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.term = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message from.
             * @member {string} from
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.from = "";

            /**
             * Message to.
             * @member {string} to
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.to = "";

            /**
             * Message append.
             * @member {raftfleet.raft.Append.$Properties|null|undefined} append
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.append = null;

            /**
             * Message appendResponse.
             * @member {raftfleet.raft.AppendResponse.$Properties|null|undefined} appendResponse
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.appendResponse = null;

            /**
             * Message vote.
             * @member {raftfleet.raft.VoteRequest.$Properties|null|undefined} vote
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.vote = null;

            /**
             * Message preVote.
             * @member {raftfleet.raft.VoteRequest.$Properties|null|undefined} preVote
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.preVote = null;

            /**
             * Message voteResponse.
             * @member {raftfleet.raft.VoteResponse.$Properties|null|undefined} voteResponse
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.voteResponse = null;

            /**
             * Message preVoteResponse.
             * @member {raftfleet.raft.VoteResponse.$Properties|null|undefined} preVoteResponse
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.preVoteResponse = null;

            /**
             * Message heartbeat.
             * @member {raftfleet.raft.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.heartbeat = null;

            /**
             * Message heartbeatResponse.
             * @member {raftfleet.raft.HeartbeatResponse.$Properties|null|undefined} heartbeatResponse
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.heartbeatResponse = null;

            /**
             * Message snapshot.
             * @member {raftfleet.raft.InstallSnapshot.$Properties|null|undefined} snapshot
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.snapshot = null;

            /**
             * Message snapshotChunk.
             * @member {raftfleet.raft.SnapshotChunk.$Properties|null|undefined} snapshotChunk
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.snapshotChunk = null;

            /**
             * Message timeoutNow.
             * @member {raftfleet.raft.TimeoutNow.$Properties|null|undefined} timeoutNow
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.timeoutNow = null;

            /**
             * Message readIndex.
             * @member {raftfleet.raft.ReadIndex.$Properties|null|undefined} readIndex
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.readIndex = null;

            /**
             * Message readIndexResponse.
             * @member {raftfleet.raft.ReadIndexResponse.$Properties|null|undefined} readIndexResponse
             * @memberof raftfleet.raft.Message
             * @instance
             */
            Message.prototype.readIndexResponse = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Message body.
             * @member {"append"|"appendResponse"|"vote"|"preVote"|"voteResponse"|"preVoteResponse"|"heartbeat"|"heartbeatResponse"|"snapshot"|"snapshotChunk"|"timeoutNow"|"readIndex"|"readIndexResponse"|undefined} body
             * @memberof raftfleet.raft.Message
             * @instance
             */
            $Object.defineProperty(Message.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["append", "appendResponse", "vote", "preVote", "voteResponse", "preVoteResponse", "heartbeat", "heartbeatResponse", "snapshot", "snapshotChunk", "timeoutNow", "readIndex", "readIndexResponse"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Message instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Message
             * @static
             * @param {raftfleet.raft.Message.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Message} Message instance
             * @type {{
             *   (properties: raftfleet.raft.Message.$Shape): raftfleet.raft.Message & raftfleet.raft.Message.$Shape;
             *   (properties?: raftfleet.raft.Message.$Properties): raftfleet.raft.Message;
             * }}
             */
            Message.create = function(properties) {
                return new Message(properties);
            };

            /**
             * Encodes the specified Message message. Does not implicitly {@link raftfleet.raft.Message.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Message
             * @static
             * @param {raftfleet.raft.Message.$Properties} message Message message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.term != null && $Object.hasOwnProperty.call(message, "term") && (typeof message.term === "object" ? message.term.low || message.term.high : message.term !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.term);
                if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.from);
                if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.to);
                if (message.append != null && $Object.hasOwnProperty.call(message, "append"))
                    $root.raftfleet.raft.Append.encode(message.append, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.appendResponse != null && $Object.hasOwnProperty.call(message, "appendResponse"))
                    $root.raftfleet.raft.AppendResponse.encode(message.appendResponse, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.vote != null && $Object.hasOwnProperty.call(message, "vote"))
                    $root.raftfleet.raft.VoteRequest.encode(message.vote, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.preVote != null && $Object.hasOwnProperty.call(message, "preVote"))
                    $root.raftfleet.raft.VoteRequest.encode(message.preVote, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.voteResponse != null && $Object.hasOwnProperty.call(message, "voteResponse"))
                    $root.raftfleet.raft.VoteResponse.encode(message.voteResponse, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.preVoteResponse != null && $Object.hasOwnProperty.call(message, "preVoteResponse"))
                    $root.raftfleet.raft.VoteResponse.encode(message.preVoteResponse, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.raftfleet.raft.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.heartbeatResponse != null && $Object.hasOwnProperty.call(message, "heartbeatResponse"))
                    $root.raftfleet.raft.HeartbeatResponse.encode(message.heartbeatResponse, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.snapshot != null && $Object.hasOwnProperty.call(message, "snapshot"))
                    $root.raftfleet.raft.InstallSnapshot.encode(message.snapshot, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                if (message.snapshotChunk != null && $Object.hasOwnProperty.call(message, "snapshotChunk"))
                    $root.raftfleet.raft.SnapshotChunk.encode(message.snapshotChunk, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                if (message.timeoutNow != null && $Object.hasOwnProperty.call(message, "timeoutNow"))
                    $root.raftfleet.raft.TimeoutNow.encode(message.timeoutNow, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.readIndex != null && $Object.hasOwnProperty.call(message, "readIndex"))
                    $root.raftfleet.raft.ReadIndex.encode(message.readIndex, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                if (message.readIndexResponse != null && $Object.hasOwnProperty.call(message, "readIndexResponse"))
                    $root.raftfleet.raft.ReadIndexResponse.encode(message.readIndexResponse, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Message & raftfleet.raft.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Message();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.term = value;
                            else
                                delete message.term;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.from = value;
                            else
                                delete message.from;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.to = value;
                            else
                                delete message.to;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.append = $root.raftfleet.raft.Append.decode(reader, reader.size(), $undefined, _depth + 1, message.append);
                            message.body = "append";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.appendResponse = $root.raftfleet.raft.AppendResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.appendResponse);
                            message.body = "appendResponse";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.vote = $root.raftfleet.raft.VoteRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.vote);
                            message.body = "vote";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.preVote = $root.raftfleet.raft.VoteRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.preVote);
                            message.body = "preVote";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.voteResponse = $root.raftfleet.raft.VoteResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.voteResponse);
                            message.body = "voteResponse";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.preVoteResponse = $root.raftfleet.raft.VoteResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.preVoteResponse);
                            message.body = "preVoteResponse";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.raftfleet.raft.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.heartbeatResponse = $root.raftfleet.raft.HeartbeatResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeatResponse);
                            message.body = "heartbeatResponse";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.snapshot = $root.raftfleet.raft.InstallSnapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshot);
                            message.body = "snapshot";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.snapshotChunk = $root.raftfleet.raft.SnapshotChunk.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshotChunk);
                            message.body = "snapshotChunk";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.timeoutNow = $root.raftfleet.raft.TimeoutNow.decode(reader, reader.size(), $undefined, _depth + 1, message.timeoutNow);
                            message.body = "timeoutNow";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.readIndex = $root.raftfleet.raft.ReadIndex.decode(reader, reader.size(), $undefined, _depth + 1, message.readIndex);
                            message.body = "readIndex";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.readIndexResponse = $root.raftfleet.raft.ReadIndexResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.readIndexResponse);
                            message.body = "readIndexResponse";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Message;
        })();

        raft.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} raftfleet.raft.Envelope.$Properties
             * @property {string|null} [group] Envelope group
             * @property {raftfleet.raft.Message.$Properties|null} [message] Envelope message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof raftfleet.raft
             * @interface IEnvelope
             * @augments raftfleet.raft.Envelope.$Properties
             * @deprecated Use raftfleet.raft.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {{
             *   group?: string|null;
             *   message?: raftfleet.raft.Message.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} raftfleet.raft.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof raftfleet.raft
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {raftfleet.raft.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope group.
             * @member {string} group
             * @memberof raftfleet.raft.Envelope
             * @instance
             */
            Envelope.prototype.group = "";

            /**
             * Envelope message.
             * @member {raftfleet.raft.Message.$Properties|null|undefined} message
             * @memberof raftfleet.raft.Envelope
             * @instance
             */
            Envelope.prototype.message = null;

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Envelope
             * @static
             * @param {raftfleet.raft.Envelope.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Envelope} Envelope instance
             * @type {{
             *   (properties: raftfleet.raft.Envelope.$Shape): raftfleet.raft.Envelope & raftfleet.raft.Envelope.$Shape;
             *   (properties?: raftfleet.raft.Envelope.$Properties): raftfleet.raft.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link raftfleet.raft.Envelope.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Envelope
             * @static
             * @param {raftfleet.raft.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.group != null && $Object.hasOwnProperty.call(message, "group") && message.group !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.group);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    $root.raftfleet.raft.Message.encode(message.message, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Envelope & raftfleet.raft.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.group = value;
                            else
                                delete message.group;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.message = $root.raftfleet.raft.Message.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Envelope;
        })();

        raft.Batch = (function() {

            /**
             * Properties of a Batch.
             * @typedef {Object} raftfleet.raft.Batch.$Properties
             * @property {string|null} [from] Batch from
             * @property {string|null} [to] Batch to
             * @property {Array.<raftfleet.raft.Envelope.$Properties>|null} [envelopes] Batch envelopes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Batch.
             * @memberof raftfleet.raft
             * @interface IBatch
             * @augments raftfleet.raft.Batch.$Properties
             * @deprecated Use raftfleet.raft.Batch.$Properties instead.
             */

            /**
             * Shape of a Batch.
             * @typedef {{
             *   from?: string|null;
             *   to?: string|null;
             *   envelopes?: Array.<raftfleet.raft.Envelope.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} raftfleet.raft.Batch.$Shape
             */

            /**
             * Constructs a new Batch.
             * @memberof raftfleet.raft
             * @classdesc Represents a Batch.
             * @constructor
             * @param {raftfleet.raft.Batch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Batch = function (properties) {
                this.envelopes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Batch from.
             * @member {string} from
             * @memberof raftfleet.raft.Batch
             * @instance
             */
            Batch.prototype.from = "";

            /**
             * Batch to.
             * @member {string} to
             * @memberof raftfleet.raft.Batch
             * @instance
             */
            Batch.prototype.to = "";

            /**
             * Batch envelopes.
             * @member {Array.<raftfleet.raft.Envelope.$Properties>} envelopes
             * @memberof raftfleet.raft.Batch
             * @instance
             */
            Batch.prototype.envelopes = $util.emptyArray;

            /**
             * Creates a new Batch instance using the specified properties.
             * @function create
             * @memberof raftfleet.raft.Batch
             * @static
             * @param {raftfleet.raft.Batch.$Properties=} [properties] Properties to set
             * @returns {raftfleet.raft.Batch} Batch instance
             * @type {{
             *   (properties: raftfleet.raft.Batch.$Shape): raftfleet.raft.Batch & raftfleet.raft.Batch.$Shape;
             *   (properties?: raftfleet.raft.Batch.$Properties): raftfleet.raft.Batch;
             * }}
             */
            Batch.create = function(properties) {
                return new Batch(properties);
            };

            /**
             * Encodes the specified Batch message. Does not implicitly {@link raftfleet.raft.Batch.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.raft.Batch
             * @static
             * @param {raftfleet.raft.Batch.$Properties} message Batch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Batch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.from);
                if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.to);
                if (message.envelopes != null && message.envelopes.length)
                    for (let i = 0; i < message.envelopes.length; ++i)
                        $root.raftfleet.raft.Envelope.encode(message.envelopes[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Batch message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.raft.Batch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.raft.Batch & raftfleet.raft.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Batch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.raft.Batch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.from = value;
                            else
                                delete message.from;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.to = value;
                            else
                                delete message.to;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.envelopes && message.envelopes.length))
                                message.envelopes = [];
                            message.envelopes.push($root.raftfleet.raft.Envelope.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Batch;
        })();

        return raft;
    })();

    raftfleet.wire = (function() {

        /**
         * Namespace wire.
         * @memberof raftfleet
         * @namespace
         */
        const wire = {};

        wire.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} raftfleet.wire.Hello.$Properties
             * @property {number|null} [version] Hello version
             * @property {string|null} [clusterId] Hello clusterId
             * @property {string|null} [nodeId] Hello nodeId
             * @property {string|null} [address] Hello address
             * @property {Uint8Array|null} [nonce] Hello nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof raftfleet.wire
             * @interface IHello
             * @augments raftfleet.wire.Hello.$Properties
             * @deprecated Use raftfleet.wire.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {raftfleet.wire.Hello.$Properties} raftfleet.wire.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof raftfleet.wire
             * @classdesc Represents a Hello.
             * @constructor
             * @param {raftfleet.wire.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello version.
             * @member {number} version
             * @memberof raftfleet.wire.Hello
             * @instance
             */
            Hello.prototype.version = 0;

            /**
             * Hello clusterId.
             * @member {string} clusterId
             * @memberof raftfleet.wire.Hello
             * @instance
             */
            Hello.prototype.clusterId = "";

            /**
             * Hello nodeId.
             * @member {string} nodeId
             * @memberof raftfleet.wire.Hello
             * @instance
             */
            Hello.prototype.nodeId = "";

            /**
             * Hello address.
             * @member {string} address
             * @memberof raftfleet.wire.Hello
             * @instance
             */
            Hello.prototype.address = "";

            /**
             * Hello nonce.
             * @member {Uint8Array} nonce
             * @memberof raftfleet.wire.Hello
             * @instance
             */
            Hello.prototype.nonce = $util.newBuffer([]);

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Hello
             * @static
             * @param {raftfleet.wire.Hello.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Hello} Hello instance
             * @type {{
             *   (properties: raftfleet.wire.Hello.$Shape): raftfleet.wire.Hello & raftfleet.wire.Hello.$Shape;
             *   (properties?: raftfleet.wire.Hello.$Properties): raftfleet.wire.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link raftfleet.wire.Hello.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Hello
             * @static
             * @param {raftfleet.wire.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && message.clusterId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.clusterId);
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.nodeId);
                if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.address);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.nonce);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Hello & raftfleet.wire.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clusterId = value;
                            else
                                delete message.clusterId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.address = value;
                            else
                                delete message.address;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Hello;
        })();

        wire.Challenge = (function() {

            /**
             * Properties of a Challenge.
             * @typedef {Object} raftfleet.wire.Challenge.$Properties
             * @property {number|null} [version] Challenge version
             * @property {string|null} [clusterId] Challenge clusterId
             * @property {string|null} [nodeId] Challenge nodeId
             * @property {Uint8Array|null} [nonce] Challenge nonce
             * @property {Uint8Array|null} [proof] Challenge proof
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Challenge.
             * @memberof raftfleet.wire
             * @interface IChallenge
             * @augments raftfleet.wire.Challenge.$Properties
             * @deprecated Use raftfleet.wire.Challenge.$Properties instead.
             */

            /**
             * Shape of a Challenge.
             * @typedef {raftfleet.wire.Challenge.$Properties} raftfleet.wire.Challenge.$Shape
             */

            /**
             * Constructs a new Challenge.
             * @memberof raftfleet.wire
             * @classdesc Represents a Challenge.
             * @constructor
             * @param {raftfleet.wire.Challenge.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Challenge = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Challenge version.
             * @member {number} version
             * @memberof raftfleet.wire.Challenge
             * @instance
             */
            Challenge.prototype.version = 0;

            /**
             * Challenge clusterId.
             * @member {string} clusterId
             * @memberof raftfleet.wire.Challenge
             * @instance
             */
            Challenge.prototype.clusterId = "";

            /**
             * Challenge nodeId.
             * @member {string} nodeId
             * @memberof raftfleet.wire.Challenge
             * @instance
             */
            Challenge.prototype.nodeId = "";

            /**
             * Challenge nonce.
             * @member {Uint8Array} nonce
             * @memberof raftfleet.wire.Challenge
             * @instance
             */
            Challenge.prototype.nonce = $util.newBuffer([]);

            /**
             * Challenge proof.
             * @member {Uint8Array} proof
             * @memberof raftfleet.wire.Challenge
             * @instance
             */
            Challenge.prototype.proof = $util.newBuffer([]);

            /**
             * Creates a new Challenge instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Challenge
             * @static
             * @param {raftfleet.wire.Challenge.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Challenge} Challenge instance
             * @type {{
             *   (properties: raftfleet.wire.Challenge.$Shape): raftfleet.wire.Challenge & raftfleet.wire.Challenge.$Shape;
             *   (properties?: raftfleet.wire.Challenge.$Properties): raftfleet.wire.Challenge;
             * }}
             */
            Challenge.create = function(properties) {
                return new Challenge(properties);
            };

            /**
             * Encodes the specified Challenge message. Does not implicitly {@link raftfleet.wire.Challenge.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Challenge
             * @static
             * @param {raftfleet.wire.Challenge.$Properties} message Challenge message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Challenge.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && message.clusterId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.clusterId);
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.nodeId);
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.nonce);
                if (message.proof != null && $Object.hasOwnProperty.call(message, "proof") && message.proof.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.proof);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Challenge message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Challenge
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Challenge & raftfleet.wire.Challenge.$Shape} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Challenge.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Challenge();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clusterId = value;
                            else
                                delete message.clusterId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.proof = value;
                            else
                                delete message.proof;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Challenge;
        })();

        wire.Proof = (function() {

            /**
             * Properties of a Proof.
             * @typedef {Object} raftfleet.wire.Proof.$Properties
             * @property {Uint8Array|null} [proof] Proof proof
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Proof.
             * @memberof raftfleet.wire
             * @interface IProof
             * @augments raftfleet.wire.Proof.$Properties
             * @deprecated Use raftfleet.wire.Proof.$Properties instead.
             */

            /**
             * Shape of a Proof.
             * @typedef {raftfleet.wire.Proof.$Properties} raftfleet.wire.Proof.$Shape
             */

            /**
             * Constructs a new Proof.
             * @memberof raftfleet.wire
             * @classdesc Represents a Proof.
             * @constructor
             * @param {raftfleet.wire.Proof.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Proof = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Proof proof.
             * @member {Uint8Array} proof
             * @memberof raftfleet.wire.Proof
             * @instance
             */
            Proof.prototype.proof = $util.newBuffer([]);

            /**
             * Creates a new Proof instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Proof
             * @static
             * @param {raftfleet.wire.Proof.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Proof} Proof instance
             * @type {{
             *   (properties: raftfleet.wire.Proof.$Shape): raftfleet.wire.Proof & raftfleet.wire.Proof.$Shape;
             *   (properties?: raftfleet.wire.Proof.$Properties): raftfleet.wire.Proof;
             * }}
             */
            Proof.create = function(properties) {
                return new Proof(properties);
            };

            /**
             * Encodes the specified Proof message. Does not implicitly {@link raftfleet.wire.Proof.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Proof
             * @static
             * @param {raftfleet.wire.Proof.$Properties} message Proof message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Proof.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.proof != null && $Object.hasOwnProperty.call(message, "proof") && message.proof.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.proof);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Proof message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Proof
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Proof & raftfleet.wire.Proof.$Shape} Proof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Proof.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Proof();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.proof = value;
                            else
                                delete message.proof;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Proof;
        })();

        wire.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} raftfleet.wire.Welcome.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof raftfleet.wire
             * @interface IWelcome
             * @augments raftfleet.wire.Welcome.$Properties
             * @deprecated Use raftfleet.wire.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {raftfleet.wire.Welcome.$Properties} raftfleet.wire.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof raftfleet.wire
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {raftfleet.wire.Welcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Welcome
             * @static
             * @param {raftfleet.wire.Welcome.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Welcome} Welcome instance
             * @type {{
             *   (properties: raftfleet.wire.Welcome.$Shape): raftfleet.wire.Welcome & raftfleet.wire.Welcome.$Shape;
             *   (properties?: raftfleet.wire.Welcome.$Properties): raftfleet.wire.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link raftfleet.wire.Welcome.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Welcome
             * @static
             * @param {raftfleet.wire.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Welcome & raftfleet.wire.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Welcome;
        })();

        wire.Reject = (function() {

            /**
             * Properties of a Reject.
             * @typedef {Object} raftfleet.wire.Reject.$Properties
             * @property {string|null} [code] Reject code
             * @property {string|null} [reason] Reject reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Reject.
             * @memberof raftfleet.wire
             * @interface IReject
             * @augments raftfleet.wire.Reject.$Properties
             * @deprecated Use raftfleet.wire.Reject.$Properties instead.
             */

            /**
             * Shape of a Reject.
             * @typedef {raftfleet.wire.Reject.$Properties} raftfleet.wire.Reject.$Shape
             */

            /**
             * Constructs a new Reject.
             * @memberof raftfleet.wire
             * @classdesc Represents a Reject.
             * @constructor
             * @param {raftfleet.wire.Reject.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Reject = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Reject code.
             * @member {string} code
             * @memberof raftfleet.wire.Reject
             * @instance
             */
            Reject.prototype.code = "";

            /**
             * Reject reason.
             * @member {string} reason
             * @memberof raftfleet.wire.Reject
             * @instance
             */
            Reject.prototype.reason = "";

            /**
             * Creates a new Reject instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Reject
             * @static
             * @param {raftfleet.wire.Reject.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Reject} Reject instance
             * @type {{
             *   (properties: raftfleet.wire.Reject.$Shape): raftfleet.wire.Reject & raftfleet.wire.Reject.$Shape;
             *   (properties?: raftfleet.wire.Reject.$Properties): raftfleet.wire.Reject;
             * }}
             */
            Reject.create = function(properties) {
                return new Reject(properties);
            };

            /**
             * Encodes the specified Reject message. Does not implicitly {@link raftfleet.wire.Reject.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Reject
             * @static
             * @param {raftfleet.wire.Reject.$Properties} message Reject message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reject.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Reject message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Reject
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Reject & raftfleet.wire.Reject.$Shape} Reject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reject.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Reject();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Reject;
        })();

        wire.RpcRequest = (function() {

            /**
             * Properties of a RpcRequest.
             * @typedef {Object} raftfleet.wire.RpcRequest.$Properties
             * @property {number|null} [id] RpcRequest id
             * @property {string|null} [method] RpcRequest method
             * @property {Uint8Array|null} [body] RpcRequest body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RpcRequest.
             * @memberof raftfleet.wire
             * @interface IRpcRequest
             * @augments raftfleet.wire.RpcRequest.$Properties
             * @deprecated Use raftfleet.wire.RpcRequest.$Properties instead.
             */

            /**
             * Shape of a RpcRequest.
             * @typedef {raftfleet.wire.RpcRequest.$Properties} raftfleet.wire.RpcRequest.$Shape
             */

            /**
             * Constructs a new RpcRequest.
             * @memberof raftfleet.wire
             * @classdesc Represents a RpcRequest.
             * @constructor
             * @param {raftfleet.wire.RpcRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RpcRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RpcRequest id.
             * @member {number} id
             * @memberof raftfleet.wire.RpcRequest
             * @instance
             */
            RpcRequest.prototype.id = 0;

            /**
             * RpcRequest method.
             * @member {string} method
             * @memberof raftfleet.wire.RpcRequest
             * @instance
             */
            RpcRequest.prototype.method = "";

            /**
             * RpcRequest body.
             * @member {Uint8Array} body
             * @memberof raftfleet.wire.RpcRequest
             * @instance
             */
            RpcRequest.prototype.body = $util.newBuffer([]);

            /**
             * Creates a new RpcRequest instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.RpcRequest
             * @static
             * @param {raftfleet.wire.RpcRequest.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.RpcRequest} RpcRequest instance
             * @type {{
             *   (properties: raftfleet.wire.RpcRequest.$Shape): raftfleet.wire.RpcRequest & raftfleet.wire.RpcRequest.$Shape;
             *   (properties?: raftfleet.wire.RpcRequest.$Properties): raftfleet.wire.RpcRequest;
             * }}
             */
            RpcRequest.create = function(properties) {
                return new RpcRequest(properties);
            };

            /**
             * Encodes the specified RpcRequest message. Does not implicitly {@link raftfleet.wire.RpcRequest.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.RpcRequest
             * @static
             * @param {raftfleet.wire.RpcRequest.$Properties} message RpcRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RpcRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.method);
                if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.body);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RpcRequest message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.RpcRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.RpcRequest & raftfleet.wire.RpcRequest.$Shape} RpcRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RpcRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.RpcRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.method = value;
                            else
                                delete message.method;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.body = value;
                            else
                                delete message.body;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return RpcRequest;
        })();

        wire.RpcError = (function() {

            /**
             * Properties of a RpcError.
             * @typedef {Object} raftfleet.wire.RpcError.$Properties
             * @property {string|null} [code] RpcError code
             * @property {string|null} [message] RpcError message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RpcError.
             * @memberof raftfleet.wire
             * @interface IRpcError
             * @augments raftfleet.wire.RpcError.$Properties
             * @deprecated Use raftfleet.wire.RpcError.$Properties instead.
             */

            /**
             * Shape of a RpcError.
             * @typedef {raftfleet.wire.RpcError.$Properties} raftfleet.wire.RpcError.$Shape
             */

            /**
             * Constructs a new RpcError.
             * @memberof raftfleet.wire
             * @classdesc Represents a RpcError.
             * @constructor
             * @param {raftfleet.wire.RpcError.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RpcError = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RpcError code.
             * @member {string} code
             * @memberof raftfleet.wire.RpcError
             * @instance
             */
            RpcError.prototype.code = "";

            /**
             * RpcError message.
             * @member {string} message
             * @memberof raftfleet.wire.RpcError
             * @instance
             */
            RpcError.prototype.message = "";

            /**
             * Creates a new RpcError instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.RpcError
             * @static
             * @param {raftfleet.wire.RpcError.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.RpcError} RpcError instance
             * @type {{
             *   (properties: raftfleet.wire.RpcError.$Shape): raftfleet.wire.RpcError & raftfleet.wire.RpcError.$Shape;
             *   (properties?: raftfleet.wire.RpcError.$Properties): raftfleet.wire.RpcError;
             * }}
             */
            RpcError.create = function(properties) {
                return new RpcError(properties);
            };

            /**
             * Encodes the specified RpcError message. Does not implicitly {@link raftfleet.wire.RpcError.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.RpcError
             * @static
             * @param {raftfleet.wire.RpcError.$Properties} message RpcError message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RpcError.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RpcError message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.RpcError
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.RpcError & raftfleet.wire.RpcError.$Shape} RpcError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RpcError.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.RpcError();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return RpcError;
        })();

        wire.RpcResponse = (function() {

            /**
             * Properties of a RpcResponse.
             * @typedef {Object} raftfleet.wire.RpcResponse.$Properties
             * @property {number|null} [id] RpcResponse id
             * @property {Uint8Array|null} [body] RpcResponse body
             * @property {raftfleet.wire.RpcError.$Properties|null} [error] RpcResponse error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RpcResponse.
             * @memberof raftfleet.wire
             * @interface IRpcResponse
             * @augments raftfleet.wire.RpcResponse.$Properties
             * @deprecated Use raftfleet.wire.RpcResponse.$Properties instead.
             */

            /**
             * Shape of a RpcResponse.
             * @typedef {raftfleet.wire.RpcResponse.$Properties} raftfleet.wire.RpcResponse.$Shape
             */

            /**
             * Constructs a new RpcResponse.
             * @memberof raftfleet.wire
             * @classdesc Represents a RpcResponse.
             * @constructor
             * @param {raftfleet.wire.RpcResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RpcResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RpcResponse id.
             * @member {number} id
             * @memberof raftfleet.wire.RpcResponse
             * @instance
             */
            RpcResponse.prototype.id = 0;

            /**
             * RpcResponse body.
             * @member {Uint8Array} body
             * @memberof raftfleet.wire.RpcResponse
             * @instance
             */
            RpcResponse.prototype.body = $util.newBuffer([]);

            /**
             * RpcResponse error.
             * @member {raftfleet.wire.RpcError.$Properties|null|undefined} error
             * @memberof raftfleet.wire.RpcResponse
             * @instance
             */
            RpcResponse.prototype.error = null;

            /**
             * Creates a new RpcResponse instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.RpcResponse
             * @static
             * @param {raftfleet.wire.RpcResponse.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.RpcResponse} RpcResponse instance
             * @type {{
             *   (properties: raftfleet.wire.RpcResponse.$Shape): raftfleet.wire.RpcResponse & raftfleet.wire.RpcResponse.$Shape;
             *   (properties?: raftfleet.wire.RpcResponse.$Properties): raftfleet.wire.RpcResponse;
             * }}
             */
            RpcResponse.create = function(properties) {
                return new RpcResponse(properties);
            };

            /**
             * Encodes the specified RpcResponse message. Does not implicitly {@link raftfleet.wire.RpcResponse.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.RpcResponse
             * @static
             * @param {raftfleet.wire.RpcResponse.$Properties} message RpcResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RpcResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.body);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.raftfleet.wire.RpcError.encode(message.error, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RpcResponse message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.RpcResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.RpcResponse & raftfleet.wire.RpcResponse.$Shape} RpcResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RpcResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.RpcResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.body = value;
                            else
                                delete message.body;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.raftfleet.wire.RpcError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return RpcResponse;
        })();

        wire.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} raftfleet.wire.Ping.$Properties
             * @property {number|Long|null} [nonce] Ping nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof raftfleet.wire
             * @interface IPing
             * @augments raftfleet.wire.Ping.$Properties
             * @deprecated Use raftfleet.wire.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {raftfleet.wire.Ping.$Properties} raftfleet.wire.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof raftfleet.wire
             * @classdesc Represents a Ping.
             * @constructor
             * @param {raftfleet.wire.Ping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ping nonce.
             * @member {number|Long} nonce
             * @memberof raftfleet.wire.Ping
             * @instance
             */
            Ping.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Ping
             * @static
             * @param {raftfleet.wire.Ping.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Ping} Ping instance
             * @type {{
             *   (properties: raftfleet.wire.Ping.$Shape): raftfleet.wire.Ping & raftfleet.wire.Ping.$Shape;
             *   (properties?: raftfleet.wire.Ping.$Properties): raftfleet.wire.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link raftfleet.wire.Ping.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Ping
             * @static
             * @param {raftfleet.wire.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Ping & raftfleet.wire.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Ping;
        })();

        wire.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} raftfleet.wire.Pong.$Properties
             * @property {number|Long|null} [nonce] Pong nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof raftfleet.wire
             * @interface IPong
             * @augments raftfleet.wire.Pong.$Properties
             * @deprecated Use raftfleet.wire.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {raftfleet.wire.Pong.$Properties} raftfleet.wire.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof raftfleet.wire
             * @classdesc Represents a Pong.
             * @constructor
             * @param {raftfleet.wire.Pong.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pong nonce.
             * @member {number|Long} nonce
             * @memberof raftfleet.wire.Pong
             * @instance
             */
            Pong.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Pong
             * @static
             * @param {raftfleet.wire.Pong.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Pong} Pong instance
             * @type {{
             *   (properties: raftfleet.wire.Pong.$Shape): raftfleet.wire.Pong & raftfleet.wire.Pong.$Shape;
             *   (properties?: raftfleet.wire.Pong.$Properties): raftfleet.wire.Pong;
             * }}
             */
            Pong.create = function(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link raftfleet.wire.Pong.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Pong
             * @static
             * @param {raftfleet.wire.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Pong & raftfleet.wire.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Pong;
        })();

        wire.Frame = (function() {

            /**
             * Properties of a Frame.
             * @typedef {Object} raftfleet.wire.Frame.$Properties
             * @property {raftfleet.wire.Hello.$Properties|null} [hello] Frame hello
             * @property {raftfleet.wire.Challenge.$Properties|null} [challenge] Frame challenge
             * @property {raftfleet.wire.Proof.$Properties|null} [proof] Frame proof
             * @property {raftfleet.wire.Welcome.$Properties|null} [welcome] Frame welcome
             * @property {raftfleet.wire.Reject.$Properties|null} [reject] Frame reject
             * @property {raftfleet.raft.Batch.$Properties|null} [batch] Frame batch
             * @property {raftfleet.wire.RpcRequest.$Properties|null} [request] Frame request
             * @property {raftfleet.wire.RpcResponse.$Properties|null} [response] Frame response
             * @property {raftfleet.wire.Ping.$Properties|null} [ping] Frame ping
             * @property {raftfleet.wire.Pong.$Properties|null} [pong] Frame pong
             * @property {"hello"|"challenge"|"proof"|"welcome"|"reject"|"batch"|"request"|"response"|"ping"|"pong"} [kind] Frame kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Frame.
             * @memberof raftfleet.wire
             * @interface IFrame
             * @augments raftfleet.wire.Frame.$Properties
             * @deprecated Use raftfleet.wire.Frame.$Properties instead.
             */

            /**
             * Narrowed shape of a Frame.
             * @typedef {{
             *   hello?: raftfleet.wire.Hello.$Shape|null;
             *   challenge?: raftfleet.wire.Challenge.$Shape|null;
             *   proof?: raftfleet.wire.Proof.$Shape|null;
             *   welcome?: raftfleet.wire.Welcome.$Shape|null;
             *   reject?: raftfleet.wire.Reject.$Shape|null;
             *   batch?: raftfleet.raft.Batch.$Shape|null;
             *   request?: raftfleet.wire.RpcRequest.$Shape|null;
             *   response?: raftfleet.wire.RpcResponse.$Shape|null;
             *   ping?: raftfleet.wire.Ping.$Shape|null;
             *   pong?: raftfleet.wire.Pong.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "hello"; hello: raftfleet.wire.Hello.$Shape; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "challenge"; hello?: null; challenge: raftfleet.wire.Challenge.$Shape; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "proof"; hello?: null; challenge?: null; proof: raftfleet.wire.Proof.$Shape; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "welcome"; hello?: null; challenge?: null; proof?: null; welcome: raftfleet.wire.Welcome.$Shape; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "reject"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject: raftfleet.wire.Reject.$Shape; batch?: null; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "batch"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch: raftfleet.raft.Batch.$Shape; request?: null; response?: null; ping?: null; pong?: null }|{ kind?: "request"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request: raftfleet.wire.RpcRequest.$Shape; response?: null; ping?: null; pong?: null }|{ kind?: "response"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response: raftfleet.wire.RpcResponse.$Shape; ping?: null; pong?: null }|{ kind?: "ping"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping: raftfleet.wire.Ping.$Shape; pong?: null }|{ kind?: "pong"; hello?: null; challenge?: null; proof?: null; welcome?: null; reject?: null; batch?: null; request?: null; response?: null; ping?: null; pong: raftfleet.wire.Pong.$Shape })
             * )} raftfleet.wire.Frame.$Shape
             */

            /**
             * Constructs a new Frame.
             * @memberof raftfleet.wire
             * @classdesc Represents a Frame.
             * @constructor
             * @param {raftfleet.wire.Frame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Frame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Frame hello.
             * @member {raftfleet.wire.Hello.$Properties|null|undefined} hello
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.hello = null;

            /**
             * Frame challenge.
             * @member {raftfleet.wire.Challenge.$Properties|null|undefined} challenge
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.challenge = null;

            /**
             * Frame proof.
             * @member {raftfleet.wire.Proof.$Properties|null|undefined} proof
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.proof = null;

            /**
             * Frame welcome.
             * @member {raftfleet.wire.Welcome.$Properties|null|undefined} welcome
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.welcome = null;

            /**
             * Frame reject.
             * @member {raftfleet.wire.Reject.$Properties|null|undefined} reject
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.reject = null;

            /**
             * Frame batch.
             * @member {raftfleet.raft.Batch.$Properties|null|undefined} batch
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.batch = null;

            /**
             * Frame request.
             * @member {raftfleet.wire.RpcRequest.$Properties|null|undefined} request
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.request = null;

            /**
             * Frame response.
             * @member {raftfleet.wire.RpcResponse.$Properties|null|undefined} response
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.response = null;

            /**
             * Frame ping.
             * @member {raftfleet.wire.Ping.$Properties|null|undefined} ping
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.ping = null;

            /**
             * Frame pong.
             * @member {raftfleet.wire.Pong.$Properties|null|undefined} pong
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            Frame.prototype.pong = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Frame kind.
             * @member {"hello"|"challenge"|"proof"|"welcome"|"reject"|"batch"|"request"|"response"|"ping"|"pong"|undefined} kind
             * @memberof raftfleet.wire.Frame
             * @instance
             */
            $Object.defineProperty(Frame.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "challenge", "proof", "welcome", "reject", "batch", "request", "response", "ping", "pong"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Frame instance using the specified properties.
             * @function create
             * @memberof raftfleet.wire.Frame
             * @static
             * @param {raftfleet.wire.Frame.$Properties=} [properties] Properties to set
             * @returns {raftfleet.wire.Frame} Frame instance
             * @type {{
             *   (properties: raftfleet.wire.Frame.$Shape): raftfleet.wire.Frame & raftfleet.wire.Frame.$Shape;
             *   (properties?: raftfleet.wire.Frame.$Properties): raftfleet.wire.Frame;
             * }}
             */
            Frame.create = function(properties) {
                return new Frame(properties);
            };

            /**
             * Encodes the specified Frame message. Does not implicitly {@link raftfleet.wire.Frame.verify|verify} messages.
             * @function encode
             * @memberof raftfleet.wire.Frame
             * @static
             * @param {raftfleet.wire.Frame.$Properties} message Frame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.raftfleet.wire.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.challenge != null && $Object.hasOwnProperty.call(message, "challenge"))
                    $root.raftfleet.wire.Challenge.encode(message.challenge, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.proof != null && $Object.hasOwnProperty.call(message, "proof"))
                    $root.raftfleet.wire.Proof.encode(message.proof, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.raftfleet.wire.Welcome.encode(message.welcome, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject"))
                    $root.raftfleet.wire.Reject.encode(message.reject, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    $root.raftfleet.raft.Batch.encode(message.batch, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.request != null && $Object.hasOwnProperty.call(message, "request"))
                    $root.raftfleet.wire.RpcRequest.encode(message.request, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.response != null && $Object.hasOwnProperty.call(message, "response"))
                    $root.raftfleet.wire.RpcResponse.encode(message.response, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.raftfleet.wire.Ping.encode(message.ping, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.raftfleet.wire.Pong.encode(message.pong, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof raftfleet.wire.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {raftfleet.wire.Frame & raftfleet.wire.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.raftfleet.wire.Frame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.raftfleet.wire.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.kind = "hello";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.challenge = $root.raftfleet.wire.Challenge.decode(reader, reader.size(), $undefined, _depth + 1, message.challenge);
                            message.kind = "challenge";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.proof = $root.raftfleet.wire.Proof.decode(reader, reader.size(), $undefined, _depth + 1, message.proof);
                            message.kind = "proof";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.raftfleet.wire.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.kind = "welcome";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.reject = $root.raftfleet.wire.Reject.decode(reader, reader.size(), $undefined, _depth + 1, message.reject);
                            message.kind = "reject";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.batch = $root.raftfleet.raft.Batch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                            message.kind = "batch";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.request = $root.raftfleet.wire.RpcRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.request);
                            message.kind = "request";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.response = $root.raftfleet.wire.RpcResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.response);
                            message.kind = "response";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.raftfleet.wire.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.kind = "ping";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.raftfleet.wire.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.kind = "pong";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Frame;
        })();

        return wire;
    })();

    return raftfleet;
})();

export {
  $root as default
};
