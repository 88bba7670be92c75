# The workbench as an image: the site and the step engine, driving the host's Docker engine through
# its socket. No registry is needed, and no Maven inside: the jars are built on the host first.
#
#   mvn -q package -DskipTests          # workbench/target/workbench.jar, classifier/target/{classifier.jar,lib,model}
#   bin/workbench images                # the base images, workbench/jdk:17 (this image's FROM) included
#   docker build -t workbench .
#   docker run -d --name workbench -p 7070:7070 -e WORKBENCH_TOKEN=... \
#     -v /var/run/docker.sock:/var/run/docker.sock -v /var/lib/workbench:/var/lib/workbench workbench
#
# The data dir is mounted at the SAME path on host and container: the host's engine resolves the
# learners' bind mounts, so the path the workbench names must exist on the host too.

# A JDK, not a JRE: notebook cells run in jdk.jshell.
ARG BASE=workbench/jdk:17
FROM ${BASE}

# The compose lesson runs the real compose binary (Debian's 1.29); it talks to the mounted socket.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/workbench
# The course and what its lessons build; the classifier as its Dockerfile needs it (jar, libs, model).
COPY lessons/ lessons/
COPY volumes-demo/ volumes-demo/
COPY classifier/Dockerfile classifier/.dockerignore classifier/
COPY classifier/target/lib/ classifier/target/lib/
COPY classifier/target/model/ classifier/target/model/
COPY classifier/target/classifier.jar classifier/target/classifier.jar
# Last, the part that changes most often: its own layer, so a new build reuses everything above.
COPY workbench/target/workbench.jar workbench/target/workbench.jar

ENV WORKBENCH_ROOT=/opt/workbench \
    LANG=C.UTF-8
EXPOSE 7070
# Off loopback the site asks for a token: WORKBENCH_TOKEN, or one printed at start.
ENTRYPOINT ["java", "-jar", "/opt/workbench/workbench/target/workbench.jar"]
CMD ["serve", "--host", "0.0.0.0", "--port", "7070", "--data-dir", "/var/lib/workbench"]
