// Reads a booking's QR code with the camera where the browser can (BarcodeDetector); typing the code always works.
(function () {
  var button = document.querySelector('[data-scan]');
  if (!button || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  var form = button.form;
  var input = form.querySelector('input[name="q"]');
  var video = document.querySelector('[data-scan-video]');
  button.hidden = false;
  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var stop = function () { stream.getTracks().forEach(function (track) { track.stop(); }); video.hidden = true; };
      var look = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) { stop(); input.value = codes[0].rawValue; form.submit(); } else { setTimeout(look, 250); }
        }).catch(stop);
      };
      look();
    }).catch(function () { input.focus(); });
  });
})();
