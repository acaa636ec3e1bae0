#!/usr/bin/env bash
# Time to the first frame of a ~200 MB faststart MP4 played through the media bridge, next to the
# time to download it whole. Makes the MP4 once with ffmpeg (apt-get install ffmpeg) in target/.
set -euo pipefail
cd "$(dirname "$0")/.."
video=target/bench-200mb-faststart.mp4
if [ ! -s "$video" ]; then
  mkdir -p target
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi \
    -i "sine=frequency=330:sample_rate=44100" -t 60 -c:v libx264 -preset ultrafast -b:v 28M -minrate 28M -maxrate 28M \
    -bufsize 28M -x264-params nal-hrd=cbr -pix_fmt yuv420p -c:a aac -b:a 64k -movflags +faststart "$video"
fi
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
export ALSA_CONFIG_PATH="$PWD/src/test/resources/alsa-null.conf"
exec java -Xmx512m -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.VideoBridgeBench "$video"
