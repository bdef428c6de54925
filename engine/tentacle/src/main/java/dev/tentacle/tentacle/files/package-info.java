/**
 * Moving files to and from the agent: the {@link dev.tentacle.contracts.files.FileTransferService} contract and its
 * agent-side implementation, confined to the instance's home directory, with resumable uploads.
 */
package dev.tentacle.tentacle.files;

import dev.tentacle.contracts.files.FileTransferService;
