/** File transfer contracts: streamed, resumable uploads and downloads confined to the agent home. */
package dev.tentacle.contracts.files;
