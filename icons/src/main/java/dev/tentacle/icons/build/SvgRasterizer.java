package dev.tentacle.icons.build;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/** Renders an SVG file to a square ARGB image with Batik: the only class that knows Batik. */
final class SvgRasterizer {
    private SvgRasterizer() {
    }

    static BufferedImage render(Path svg, int size) {
        Capture capture = new Capture();
        // Both sides: a source that is not square is centred in the square rather than distorted.
        capture.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) size);
        capture.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) size);
        try {
            capture.transcode(new TranscoderInput(svg.toUri().toString()), null);
        } catch (TranscoderException e) {
            throw new IllegalStateException("Could not render " + svg + " at " + size + " px: " + e.getMessage(), e);
        }
        BufferedImage image = capture.image;
        if (image.getWidth() != size || image.getHeight() != size) {
            throw new IllegalStateException(svg + " rendered to " + image.getWidth() + "×" + image.getHeight()
                    + " px instead of " + size + "×" + size);
        }
        return image;
    }

    /** Keeps the rendered image instead of encoding it, so that every format encodes the same pixels. */
    private static final class Capture extends ImageTranscoder {
        private BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public void writeImage(BufferedImage rendered, TranscoderOutput output) {
            this.image = rendered;
        }
    }
}
