// The story on a Leaflet map: the basemap's countries, the towns, and every event as a point
// that shows from its date, on TimeDimension's slider over the events' dates.
const map = L.map('map', {
  timeDimension: true,
  timeDimensionControl: true,
  timeDimensionOptions: { times: STORY.times, currentTime: STORY.times[0] },
  timeDimensionControlOptions: { autoPlay: false, loopButton: false, playerOptions: { transitionTime: 1000 } },
});
map.fitBounds(STORY.bounds);
L.geoJSON(STORY.basemap, { style: (f) => ({ color: '#8a8a8a', weight: 1, fillColor: f.properties.focus ? '#f4efe4' : '#ebe7df', fillOpacity: 1 }) }).addTo(map);
for (const t of STORY.towns) L.circleMarker([t.lat, t.lon], { radius: 6, color: '#333' }).bindTooltip(t.name).addTo(map);
const events = L.geoJSON(STORY.events, {
  pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 9, color: f.properties.actor === 'lna' ? '#b5452b' : '#1f5fa8' }).bindPopup(f.properties.quote),
});
L.timeDimension.layer.geoJson(events, { updateTimeDimension: false, duration: 'P10Y', addlastPoint: false }).addTo(map);
