// Turns off Long objects in the protobufjs runtime so that 64-bit fields decode to plain numbers.
// Must be evaluated before the generated code, whose field defaults are built when it loads.
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = null as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export { $protobuf };
