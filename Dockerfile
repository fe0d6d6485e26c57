# One image per service, built inside the image from the sources: docker compose build, or
#   docker build --build-arg SERVICE=incident-service -t incident-loop/incident-service .
# Stage one builds the service and the modules it needs with the Maven wrapper (no tests: CI runs them); stage two
# is a JRE with the jar.
FROM eclipse-temurin:21.0.8_9-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN test -n "$SERVICE" && ./mvnw -B -q -DskipTests -pl "$SERVICE" -am package \
    && cp "$SERVICE/target/$SERVICE.jar" /service.jar

FROM eclipse-temurin:21.0.8_9-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 app
COPY --from=build /service.jar /app/service.jar
# two malloc arenas instead of up to eight per core: less resident memory, the JVM heap is not malloc'ed
ENV MALLOC_ARENA_MAX=2
USER app
# the heap is half the container's memory limit (compose sets one per service): the rest is metaspace, threads,
# direct buffers and the code cache
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/service.jar"]
