package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogPage;
import dev.tentacle.server.storage.tasks.TaskLogRepository;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Task logs, on every database. */
abstract class TaskLogContract extends StorageContract {

    @Test
    void appendedLinesAreNumberedFromOneWithoutGaps() {
        MachineId web = addMachine("web01").id();
        TaskId task = newTask(web);

        List<TaskLogLine> first = storage.taskLogs().append(task, List.of(
                NewTaskLogLine.server(clock.instant(), "Connecting to web01"),
                NewTaskLogLine.output(web, clock.instant(), TaskLogSource.STDOUT, "hello")));
        List<TaskLogLine> second = storage.taskLogs().append(task, List.of(
                NewTaskLogLine.output(web, clock.instant(), TaskLogSource.STDERR, "warning: disk")));

        assertThat(first).extracting(TaskLogLine::sequence).containsExactly(1L, 2L);
        assertThat(second).extracting(TaskLogLine::sequence).containsExactly(3L);
        TaskLogPage page = storage.taskLogs().read(task, 0, 100);
        assertThat(page.lines()).containsExactlyElementsOf(concat(first, second));
        assertThat(page.lines().get(0).machineId()).isNull();
        assertThat(page.lines().get(2).source()).isEqualTo(TaskLogSource.STDERR);
        assertThat(page.more()).isFalse();
        assertThat(page.nextAfterSequence()).isEqualTo(3);
    }

    @Test
    void readsALongLogPageByPage() {
        TaskId task = newTask(addMachine("web01").id());
        storage.taskLogs().append(task, IntStream.rangeClosed(1, 25)
                .mapToObj(i -> NewTaskLogLine.server(clock.instant(), "line " + i)).toList());

        List<String> read = new ArrayList<>();
        long after = 0;
        int pages = 0;
        TaskLogPage page;
        do {
            page = storage.taskLogs().read(task, after, 10);
            page.lines().forEach(line -> read.add(line.text()));
            after = page.nextAfterSequence();
            pages++;
        } while (page.more());

        assertThat(pages).isEqualTo(3);
        assertThat(read).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i).toList());
        TaskLogPage empty = storage.taskLogs().read(task, after, 10);
        assertThat(empty.lines()).isEmpty();
        assertThat(empty.nextAfterSequence()).isEqualTo(25);
        assertThat(empty.more()).isFalse();
    }

    @Test
    void readsTheLinesOfOneMachine() {
        MachineId web = addMachine("web01").id();
        MachineId db = addMachine("db01").id();
        TaskId task = newTask(web, db);
        storage.taskLogs().append(task, List.of(
                NewTaskLogLine.output(web, clock.instant(), TaskLogSource.STDOUT, "web 1"),
                NewTaskLogLine.output(db, clock.instant(), TaskLogSource.STDOUT, "db 1"),
                NewTaskLogLine.output(web, clock.instant(), TaskLogSource.STDOUT, "web 2")));

        TaskLogPage page = storage.taskLogs().read(task, db, 0, 10);

        assertThat(page.lines()).extracting(TaskLogLine::text).containsExactly("db 1");
        assertThat(page.lines()).extracting(TaskLogLine::sequence).containsExactly(2L);
    }

    @Test
    void splitsAnOverlongLineSoNothingIsLost() {
        TaskId task = newTask(addMachine("web01").id());
        String text = "x".repeat(TaskLogRepository.MAXIMUM_LINE_LENGTH * 2 + 5);

        List<TaskLogLine> stored = storage.taskLogs().append(task, List.of(NewTaskLogLine.server(clock.instant(), text)));

        assertThat(stored).hasSize(3);
        String readBack = String.join("", storage.taskLogs().read(task, 0, 10).lines().stream()
                .map(TaskLogLine::text).toList());
        assertThat(readBack).isEqualTo(text);
    }

    @Test
    void storesTextWithCharactersPostgresqlCannotHoldAsReplacements() {
        TaskId task = newTask(addMachine("web01").id());

        storage.taskLogs().append(task, List.of(NewTaskLogLine.server(clock.instant(), "a\u0000b ü 日本 🐙")));

        assertThat(storage.taskLogs().read(task, 0, 1).lines().getFirst().text()).isEqualTo("a\uFFFDb ü 日本 🐙");
    }

    @Test
    void appendingToOrReadingAMissingTaskSaysSo() {
        TaskId ghost = new TaskId(4242);

        assertThatThrownBy(() -> storage.taskLogs().append(ghost, List.of(NewTaskLogLine.server(clock.instant(), "x"))))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("There is no task ServerTasks-4242");
        assertThatThrownBy(() -> storage.taskLogs().read(ghost, 0, 10))
                .isInstanceOf(StorageNotFoundException.class);
    }

    @Test
    void concurrentAppendersGetUniqueSequencesWithoutGaps() throws Exception {
        MachineId web = addMachine("web01").id();
        TaskId task = newTask(web);
        int writers = 4;
        int appendsEach = 25;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        storage.taskLogs().append(task, List.of(
                                NewTaskLogLine.output(web, clock.instant(), TaskLogSource.STDOUT, writer + ":" + i + "a"),
                                NewTaskLogLine.output(web, clock.instant(), TaskLogSource.STDOUT, writer + ":" + i + "b")));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        List<TaskLogLine> lines = storage.taskLogs().read(task, 0, 1000).lines();
        assertThat(lines).extracting(TaskLogLine::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, writers * appendsEach * 2L).boxed().toList());
        for (int i = 0; i < lines.size(); i += 2) {
            // The two lines of one append are adjacent: an append is numbered as a block.
            assertThat(lines.get(i + 1).text()).isEqualTo(lines.get(i).text().replace("a", "b"));
        }
    }

    private TaskId newTask(MachineId... machines) {
        return storage.tasks().create(NewTask.script("Run a script", "alice", "{}", List.of(machines))).id();
    }

    private static List<TaskLogLine> concat(List<TaskLogLine> a, List<TaskLogLine> b) {
        List<TaskLogLine> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
