/**
 * Running scripts on the agent: the {@link dev.tentacle.contracts.scripts.ScriptService} (v1, agent-issued tickets)
 * and {@link dev.tentacle.contracts.scripts.ScriptServiceV2} (caller-issued tickets, safe to retry) contracts, which the
 * server side uses as clients, and their agent-side implementations over one
 * {@link dev.tentacle.tentacle.scripts.ScriptEngine}.
 *
 * <h2>On disk</h2>
 * <pre>
 * WORK_DIRECTORY/
 *   TICKET/             one per script run; the script's working directory
 *     script.sh         the body (script.ps1, script.cmd for the other syntaxes) and the files sent with it
 *     state.json        STARTING / RUNNING (pid, process start time) / COMPLETE (exit code), replaced atomically
 *     output.log        the log, one JSON ProcessOutput per line, sequences 1, 2, 3...
 *   .completed/TICKET.json   the answer of completeScript, kept for retries (one day by default)
 *   .mutexes/NAME-HASH.lock  isolation mutex lock files (another directory may be configured)
 * </pre>
 *
 * <h2>After a restart</h2>
 * A new engine over the same directory answers for every ticket it finds. A script whose process is gone without a
 * recorded exit code is reported COMPLETE with {@link dev.tentacle.contracts.scripts.ScriptExitCodes#UNKNOWN_RESULT}
 * and a log line saying the agent restarted while it ran. A script whose recorded process still runs (same process id
 * and same OS start time, so not a reused id) is reported RUNNING and watched until it ends, then COMPLETE with
 * UNKNOWN_RESULT: only a process's parent can read its exit code and output, so the restarted agent reports honestly
 * that it does not know rather than guessing. Such a script can still be cancelled. A graceful stop
 * ({@link dev.tentacle.tentacle.scripts.ScriptEngine#close()}) cancels running scripts first, so their state is final.
 *
 * <h2>Isolation</h2>
 * A named mutex per script: FULL_ISOLATION takes it exclusively, NO_ISOLATION shares it (as in Octopus). In one JVM a
 * fair queue; across processes an OS file lock in the mutex directory. A script that does not get the mutex within
 * its timeout never runs and completes with {@link dev.tentacle.contracts.scripts.ScriptExitCodes#TIMEOUT}.
 */
package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ScriptExitCodes;
