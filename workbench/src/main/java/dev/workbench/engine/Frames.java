package dev.workbench.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;

/**
 * Splits a container's multiplexed output (logs, exec) into stdout and stderr lines. Once the sink
 * says it takes no more, the stream is closed: the container keeps running, but its endless output
 * no longer crosses the engine's socket for nothing.
 */
final class Frames extends ResultCallback.Adapter<Frame> {
  private final OutputSink sink;
  private final Lines out;
  private final Lines err;

  Frames(OutputSink sink) {
    this.sink = sink;
    this.out = new Lines(sink::out);
    this.err = new Lines(sink::err);
  }

  @Override
  public void onNext(Frame frame) {
    (frame.getStreamType() == StreamType.STDERR ? err : out)
        .accept(frame.getPayload(), 0, frame.getPayload().length);
    if (sink.full()) {
      close();
    }
  }

  void flush() {
    out.flush();
    err.flush();
  }

  @Override
  public void close() {
    try {
      super.close();
    } catch (IOException e) {
      // the stream is over either way
    }
  }
}
