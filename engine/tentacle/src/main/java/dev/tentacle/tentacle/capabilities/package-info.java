/**
 * What an agent supports: the {@link dev.tentacle.contracts.capabilities.CapabilitiesService} a caller asks before
 * choosing ScriptServiceV2 or falling back to ScriptService v1.
 */
package dev.tentacle.tentacle.capabilities;

import dev.tentacle.contracts.capabilities.CapabilitiesService;
